package org.rcm.requests.mail.inbound;

import java.io.InputStream;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;

/** The bytes of a part, transfer-decoded by jakarta.mail when it can and by {@link TransferDecoding} when it cannot. */
final class PartBytes {

    private PartBytes() {
    }

    static byte[] decoded(Part part) {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (Exception e) {
            String encoding;
            try {
                encoding = part instanceof MimePart mp ? mp.getEncoding() : null;
            } catch (Exception ignored) {
                encoding = null;
            }
            return TransferDecoding.decode(raw(part), encoding);
        }
    }

    static byte[] raw(Part part) {
        try {
            if (part instanceof MimeBodyPart body) {
                try (InputStream in = body.getRawInputStream()) {
                    return in.readAllBytes();
                }
            }
            if (part instanceof MimeMessage message) {
                try (InputStream in = message.getRawInputStream()) {
                    return in.readAllBytes();
                }
            }
        } catch (Exception e) {
            // nothing readable
        }
        return new byte[0];
    }
}
