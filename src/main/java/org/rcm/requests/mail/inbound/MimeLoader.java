package org.rcm.requests.mail.inbound;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Raw bytes to a MimeMessage, as tolerant as jakarta.mail allows; the rest of the leniency lives in the readers. */
final class MimeLoader {

    private static final Session SESSION = Session.getInstance(lenientProperties());

    private MimeLoader() {
    }

    static MimeMessage load(byte[] raw) {
        byte[] bytes = withoutMboxSeparator(raw == null ? new byte[0] : raw);
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
        } catch (MessagingException | RuntimeException e) {
            // Header parsing failed outright: an empty message still lets the caller produce a best-effort reading.
            return new MimeMessage(SESSION);
        }
    }

    /**
     * Messages saved from an mbox start with a {@code From sender date} line, which jakarta.mail would take for a
     * header named "From MAILER-DAEMON ..." and which would then hide nothing but confuse the sender checks.
     */
    static byte[] withoutMboxSeparator(byte[] raw) {
        if (raw.length > 5 && new String(raw, 0, 5, StandardCharsets.ISO_8859_1).equals("From ")) {
            for (int i = 5; i < raw.length; i++) {
                if (raw[i] == '\n') {
                    byte[] rest = new byte[raw.length - i - 1];
                    System.arraycopy(raw, i + 1, rest, 0, rest.length);
                    return rest;
                }
            }
            return new byte[0];
        }
        return raw;
    }

    private static Properties lenientProperties() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.decodeparameters", "true");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        return p;
    }
}
