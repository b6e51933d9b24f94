package org.rcm.requests.mail.inbound;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a message reports a failed delivery, and for which addresses. The RFC 3464 delivery-status part is read
 * first; without one, the text of the common non-standard bounces is read, but only when the message also looks like
 * a bounce (X-Failed-Recipients, a report content type, a mailer-daemon sender or a bounce subject): a sender called
 * "postmaster" writing a normal answer is no bounce. A report saying "delivered" is a delivery notice, not a bounce.
 */
final class BounceDetector {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern DAEMON_NAME = Pattern.compile("mail delivery (?:system|subsystem|service)|"
            + "mailer[- ]daemon|postmaster|mail administrator|administrador de correo|sistema de entrega", FLAGS);
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("^\\s*(?:undeliverable|undelivered mail|"
            + "mail delivery failed|delivery status notification|failure notice|returned mail|mail system error|"
            + "delivery failure|message not delivered|non remis|no se puede entregar|no se pudo entregar|"
            + "imposible entregar|mensaje no entregado|mail could not be delivered|warning: could not send|"
            + "delivery notification|undelivered|returned to sender)", FLAGS);
    private static final Pattern FAILURE_PHRASE = Pattern.compile("could not be delivered|couldn't be delivered|"
            + "undeliverable|delivery has failed|delivery to the following recipient|failed permanently|"
            + "permanent (?:fatal )?error|wasn't able to deliver|was not able to deliver|unable to deliver|"
            + "has been delayed|not be delivered|address(?:\\(es\\))? failed|following address|"
            + "no se (?:ha )?pudo entregar|no se puede entregar|error permanente", FLAGS);
    private static final Pattern DELAYED = Pattern.compile("has been delayed|delivery delayed|warning message only|"
            + "will be retried|will retry|still trying|no action is required", FLAGS);
    private static final Pattern SMTP_REPLY = Pattern.compile("(?<![\\d.])[245]\\d\\d[ -].{3,}");
    private static final int MAX_REASON = 300;

    /** The verdict: a failure report, a delivery notice (an automatic message, not a bounce), or neither. */
    record Result(BounceReport report, boolean deliveryNotice) {
        static final Result NONE = new Result(null, false);
        static final Result DELIVERED = new Result(null, true);
    }

    private BounceDetector() {
    }

    static Result detect(Envelope envelope, MailContent content, String bodyText) {
        boolean looksLikeBounce = looksLikeDaemon(envelope) || hasBounceSubject(envelope.subject());
        String notification = BounceTextScanner.notification(bodyText);
        List<DsnRecipient> recipients = new ArrayList<>();
        content.deliveryStatusTexts.forEach(text -> recipients.addAll(DeliveryStatusParser.parse(text)));
        if (recipients.isEmpty() && (content.report || looksLikeBounce)) {
            recipients.addAll(DeliveryStatusParser.parse(notification)); // the report's MIME structure was broken
        }
        if (!recipients.isEmpty()) {
            List<DsnRecipient> failed = recipients.stream().filter(r -> !r.delivered()).toList();
            return failed.isEmpty() ? Result.DELIVERED : new Result(fromDsn(failed, notification), false);
        }
        return fromText(envelope, content, notification, looksLikeBounce);
    }

    private static BounceReport fromDsn(List<DsnRecipient> failed, String notification) {
        List<Verdict> verdicts = new ArrayList<>();
        for (DsnRecipient r : failed) {
            String reason = r.diagnostic() != null ? r.diagnostic() : reasonFor(r.address(), notification);
            String status = r.status() != null ? r.status() : FailureRules.statusIn(reason);
            boolean permanent = FailureRules.permanent(r.action(), status, reason);
            verdicts.add(new Verdict(r.address(), status != null ? status : FailureRules.inferredStatus(permanent, reason),
                    permanent, reason != null ? reason : "Action: " + r.action()));
        }
        return combine(verdicts);
    }

    private static Result fromText(Envelope envelope, MailContent content, String notification, boolean looksLikeBounce) {
        List<String> xFailed = new ArrayList<>();
        envelope.headers().all("X-Failed-Recipients")
                .forEach(v -> AddressReader.read(v).forEach(a -> xFailed.add(a.address())));
        boolean declared = !xFailed.isEmpty() || "delivery-status".equals(content.reportType);
        boolean failureWords = FAILURE_PHRASE.matcher(notification).find();
        if (!declared && !(looksLikeBounce && failureWords)) {
            return Result.NONE;
        }
        Set<String> excluded = new HashSet<>(envelope.to());
        if (envelope.from() != null) {
            excluded.add(envelope.from());
        }
        Map<String, String> contexts = new LinkedHashMap<>();
        xFailed.forEach(a -> contexts.put(a, ""));
        BounceTextScanner.scan(notification, excluded).forEach(f -> contexts.merge(f.address(), f.context(),
                (a, b) -> (a + " " + b).trim()));
        String action = DELAYED.matcher(notification).find() ? "delayed" : "failed";
        List<Verdict> verdicts = new ArrayList<>();
        contexts.forEach((address, context) -> verdicts.add(textVerdict(address, context, action, notification)));
        if (verdicts.isEmpty()) {
            // A bounce we cannot attribute: still a bounce; the returned Message-ID may identify the request.
            String reason = reasonFor(null, notification);
            boolean permanent = FailureRules.permanent(action, FailureRules.statusIn(reason), reason);
            verdicts.add(new Verdict(null, FailureRules.statusIn(notification), permanent, reason));
        }
        return new Result(combine(verdicts), false);
    }

    private static Verdict textVerdict(String address, String context, String action, String notification) {
        String reason = context.isEmpty() ? reasonFor(address, notification) : shorten(smtpReply(context));
        String status = FailureRules.statusIn(context);
        if (status == null) {
            status = FailureRules.statusIn(notification);
        }
        String evidence = context.isEmpty() ? notification : context;
        boolean permanent = FailureRules.permanent(action, status, evidence);
        return new Verdict(address, status != null ? status : FailureRules.inferredStatus(permanent, evidence),
                permanent, reason);
    }

    private record Verdict(String address, String status, boolean permanent, String reason) {
    }

    private static BounceReport combine(List<Verdict> verdicts) {
        List<String> addresses = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        boolean permanent = true;
        for (Verdict v : verdicts) {
            if (v.address() != null && !addresses.contains(v.address())) {
                addresses.add(v.address());
                statuses.add(v.status());
            } else if (v.address() == null) {
                statuses.add(v.status());
            }
            permanent &= v.permanent();
            if (v.reason() != null && !v.reason().isBlank()) {
                reasons.add(v.reason());
            }
        }
        Set<String> distinct = new LinkedHashSet<>(statuses);
        distinct.remove(null);
        String status = distinct.isEmpty() ? null
                : distinct.size() == 1 ? distinct.iterator().next()
                : String.join(", ", statuses.stream().map(s -> s == null ? "?" : s).toList());
        String reason = reasons.isEmpty() ? null : shorten(String.join("; ", reasons));
        return new BounceReport(addresses, status, permanent, reason);
    }

    /** The line of the notification that explains the failure of this address (or of the message). */
    private static String reasonFor(String address, String notification) {
        String cause = null;   // a line naming the cause ("mailbox is full"), better than ...
        String generic = null; // ... a line that only says delivery failed
        for (String line : notification.split("\n")) {
            String l = line.strip();
            boolean mentions = address == null || l.toLowerCase(Locale.ROOT).contains(address);
            if (mentions && SMTP_REPLY.matcher(l).find()) {
                return shorten(smtpReply(l));
            }
            if (cause == null && FailureRules.namesCause(l)) {
                cause = l;
            }
            if (generic == null && FAILURE_PHRASE.matcher(l).find()) {
                generic = l;
            }
        }
        return shorten(cause != null ? cause : generic);
    }

    /** From the SMTP reply code on ("550 5.1.1 … User unknown"), when the text has one. */
    private static String smtpReply(String text) {
        Matcher m = SMTP_REPLY.matcher(text);
        return m.find() ? text.substring(m.start()) : text;
    }

    private static String shorten(String text) {
        if (text == null) {
            return null;
        }
        String s = text.replaceAll("\\s+", " ").trim();
        return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON - 1) + "…";
    }

    static boolean looksLikeDaemon(Envelope envelope) {
        String from = envelope.from() == null ? "" : envelope.from();
        String local = from.contains("@") ? from.substring(0, from.indexOf('@')) : from;
        return BounceTextScanner.isDaemon(from) || local.startsWith("microsoftexchange")
                || envelope.fromName() != null && DAEMON_NAME.matcher(envelope.fromName()).find();
    }

    static boolean hasBounceSubject(String subject) {
        return subject != null && BOUNCE_SUBJECT.matcher(subject).find();
    }
}
