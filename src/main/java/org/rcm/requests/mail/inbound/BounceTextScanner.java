package org.rcm.requests.mail.inbound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failed addresses in the human-readable text of bounces that carry no delivery-status part: qmail and Yahoo
 * ("{@code <addr>:}" then the reason), Postfix ("{@code <addr>: host … said: …}"), Exim (indented address, reason
 * below), Sendmail, Gmail (indented address after "Delivery to the following recipient …"), Exchange and Office 365
 * ("{@code Name<mailto:addr>}", and the address again above "Remote Server returned …"). Only the notification is
 * read: the returned copy of our own message below it holds our recipients' addresses too.
 */
final class BounceTextScanner {

    private static final String ADDR = AddressReader.ADDRESS.pattern();
    private static final Pattern ALONE = Pattern.compile("^\\s*<?(" + ADDR + ")>?\\s*:?\\s*$");
    private static final Pattern BRACKETED_WITH_REASON = Pattern.compile("^\\s*<(" + ADDR + ")>\\s*:?\\s+(\\S.*)$");
    private static final Pattern MAILTO = Pattern.compile("^.{0,80}?<mailto:(" + ADDR + ")>\\s*$");
    private static final Pattern ORIGINAL_FOLLOWS = Pattern.compile(
            "^\\s*(?:-{2,}.*(?:copy of the message|original message|below this line|undelivered message|"
                    + "message headers|returned message).*|Original message headers:.*|-+\\s*Original message\\s*-+|"
                    + "Content-Type:\\s*message/rfc822.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_CONTEXT_LINES = 6;

    record Failure(String address, String context) {
    }

    private BounceTextScanner() {
    }

    /** The notification: the text above the returned copy of the original message. */
    static String notification(String bodyText) {
        if (bodyText == null) {
            return "";
        }
        String[] lines = bodyText.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (ORIGINAL_FOLLOWS.matcher(line).matches()) {
                break;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** The text below the notification, where text-only bounces keep the returned message's headers. */
    static String returnedPart(String bodyText) {
        String notification = notification(bodyText);
        return bodyText == null ? "" : bodyText.substring(Math.min(notification.length(), bodyText.length()));
    }

    /** Failed addresses with the lines that explain them, in order of first appearance; excluded addresses skipped. */
    static List<Failure> scan(String notification, Set<String> excluded) {
        Map<String, StringBuilder> contexts = new LinkedHashMap<>();
        String[] lines = notification.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String address = null;
            String rest = "";
            Matcher m;
            if ((m = ALONE.matcher(lines[i])).matches() || (m = MAILTO.matcher(lines[i])).matches()) {
                address = m.group(1);
            } else if ((m = BRACKETED_WITH_REASON.matcher(lines[i])).matches()) {
                address = m.group(1);
                rest = m.group(2);
            }
            if (address == null) {
                continue;
            }
            address = address.toLowerCase(Locale.ROOT);
            if (excluded.contains(address) || isDaemon(address)) {
                continue;
            }
            StringBuilder context = contexts.computeIfAbsent(address, a -> new StringBuilder());
            context.append(rest);
            for (int j = i + 1; j < lines.length && j <= i + MAX_CONTEXT_LINES; j++) {
                if (lines[j].isBlank() || ALONE.matcher(lines[j]).matches() || MAILTO.matcher(lines[j]).matches()
                        || BRACKETED_WITH_REASON.matcher(lines[j]).matches()) {
                    break;
                }
                context.append(' ').append(lines[j].strip());
            }
        }
        List<Failure> failures = new ArrayList<>();
        contexts.forEach((address, context) -> failures.add(
                new Failure(address, context.toString().replaceAll("\\s+", " ").trim())));
        return failures;
    }

    static boolean isDaemon(String address) {
        String local = address.substring(0, Math.max(0, address.indexOf('@'))).toLowerCase(Locale.ROOT);
        return Set.of("mailer-daemon", "postmaster", "mail-daemon", "maildaemon", "mdaemon").contains(local);
    }
}
