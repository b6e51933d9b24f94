package org.rcm.requests.e2e;

import java.io.IOException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * The personal reply link of a request email, read from its plain-text part as the recipient sees it, and pointed
 * at the application under test (the configured base URL names the default port, the test runs on a random one).
 */
final class ReplyLink {

    private static final Pattern LINK = Pattern.compile("https?://\\S+?(/reply/[A-Za-z0-9._~=-]+)");
    private static final Pattern RECEIPT_LINK = Pattern.compile("https?://\\S+?(/reply/[A-Za-z0-9._~=-]+/receipt)");

    private ReplyLink() {
    }

    static String in(Part mail, String baseUrl) throws MessagingException, IOException {
        return find(LINK, "reply", mail, baseUrl);
    }

    /** The "confirm receipt" link of a request that asks for an acknowledgement of receipt. */
    static String receiptIn(Part mail, String baseUrl) throws MessagingException, IOException {
        return find(RECEIPT_LINK, "receipt", mail, baseUrl);
    }

    private static String find(Pattern pattern, String what, Part mail, String baseUrl)
            throws MessagingException, IOException {
        String text = plainText(mail);
        Matcher link = pattern.matcher(text == null ? "" : text);
        if (!link.find()) {
            throw new AssertionError("no " + what + " link in the email's text:\n" + text);
        }
        return URI.create(baseUrl).resolve(link.group(1)).toString();
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
