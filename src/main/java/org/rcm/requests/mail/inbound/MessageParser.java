package org.rcm.requests.mail.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

/**
 * Reads one raw RFC 822 message: its headers, its readable text, what the person actually wrote, its attachments, and
 * whether it is a person's answer, an automatic answer or a bounce.
 *
 * <p>Inbound mail is whatever the Internet sends, so this never throws: an empty, truncated or mislabelled message
 * gives a best-effort reading with whatever could be recovered. Plain Java, jakarta.mail and jsoup only, so that it
 * can be tested without the application and reused by any intake.
 */
public final class MessageParser {

    private static final Pattern RETURNED_ID = Pattern.compile("(?im)^\\s*Message-ID:\\s*(<[^<>\\s]+>)");
    /**
     * Dispositions (RFC 8098) that say the message reached someone or something that acted on it: a read receipt.
     * "deleted" (discarded unread) is only an automatic message.
     */
    private static final Set<String> READ = Set.of("displayed", "processed", "dispatched");

    public ParsedMessage parse(byte[] rawRfc822) {
        try {
            return read(rawRfc822);
        } catch (RuntimeException | StackOverflowError e) {
            // Every reader below already falls back on its own; this is the last line for the unforeseen.
            return new ParsedMessage(null, null, List.of(), null, null, List.of(), null, null, "", "", List.of(),
                    Classification.HUMAN_REPLY, null, List.of(), List.of(), List.of());
        }
    }

    private ParsedMessage read(byte[] raw) {
        MimeMessage message = MimeLoader.load(raw);
        MailHeaders headers = new MailHeaders(message);
        Envelope envelope = envelope(headers);
        MailContent content = MimeWalker.walk(message);

        String bodyText = text(content, false);
        String replyText = ReplyTextExtractor.extract(content.hasPlain() ? bodyText : text(content, true));

        BounceDetector.Result bounce = BounceDetector.detect(envelope, content, bodyText);
        Classification classification = bounce.report() != null ? Classification.BOUNCE
                : content.disposition != null && READ.contains(content.disposition) ? Classification.READ_RECEIPT
                : AutoReplyDetector.isAutoReply(envelope, content, bounce.deliveryNotice()) ? Classification.AUTO_REPLY
                : Classification.HUMAN_REPLY;

        return new ParsedMessage(MessageIds.first(headers.get("Message-ID")), envelope.inReplyTo(),
                envelope.references(), envelope.from(), envelope.fromName(), envelope.to(), envelope.subject(),
                date(message), bodyText, replyText, content.attachments, classification, bounce.report(),
                originalIds(classification, envelope, content, bodyText), headers.all("Authentication-Results"),
                addressedTo(headers));
    }

    private static Envelope envelope(MailHeaders headers) {
        List<AddressReader.Address> from = AddressReader.read(headers.get("From"));
        if (from.isEmpty()) {
            from = AddressReader.read(headers.get("Sender"));
        }
        List<String> to = AddressReader.read(String.join(", ", headers.all("To"))).stream()
                .map(AddressReader.Address::address).distinct().toList();
        return new Envelope(headers,
                from.isEmpty() ? null : from.get(0).address(),
                from.isEmpty() ? null : from.get(0).name(),
                to,
                headers.decoded("Subject"),
                MessageIds.first(headers.get("In-Reply-To")),
                MessageIds.all(String.join(" ", headers.all("References"))));
    }

    /** Where the message went: its recipient headers, and the envelope recipients receiving servers add. */
    private static List<String> addressedTo(MailHeaders headers) {
        return Stream.of("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To")
                .flatMap(name -> headers.all(name).stream())
                .flatMap(value -> AddressReader.read(value).stream())
                .map(AddressReader.Address::address).distinct().toList();
    }

    /**
     * The readable text of all body parts in order. HTML parts are converted; for the reply, the HTML quote
     * containers are cut first, since after conversion some of them no longer look like quotes.
     */
    private static String text(MailContent content, boolean forReply) {
        return content.chunks.stream()
                .map(c -> c.kind() == MailContent.Kind.PLAIN ? c.text()
                        : forReply ? HtmlToText.convert(HtmlQuoteCutter.cut(HtmlToText.parse(c.text())))
                        : HtmlToText.convert(c.text()))
                .map(t -> t.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' '))
                .filter(t -> !t.isBlank())
                .map(MessageParser::trimBlankLines)
                .collect(Collectors.joining("\n\n"));
    }

    private static String trimBlankLines(String text) {
        return text.replaceAll("^(?:[ \\t]*\\n)+", "").stripTrailing();
    }

    /** Ids of the message a bounce or automatic answer is about; empty for a person's answer. */
    private static List<String> originalIds(Classification classification, Envelope envelope, MailContent content,
                                            String bodyText) {
        if (classification == Classification.HUMAN_REPLY) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>(content.returnedMessageIds);
        if (classification == Classification.BOUNCE) {
            Matcher m = RETURNED_ID.matcher(bodyText); // text-only bounces quote the returned headers inline
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        if (envelope.inReplyTo() != null) {
            ids.add(envelope.inReplyTo());
        } else if (!envelope.references().isEmpty()) {
            ids.add(envelope.references().get(envelope.references().size() - 1));
        }
        return new ArrayList<>(ids);
    }

    private static Instant date(MimeMessage message) {
        try {
            Date sent = message.getSentDate();
            return sent == null ? null : sent.toInstant();
        } catch (Exception e) {
            return null;
        }
    }
}
