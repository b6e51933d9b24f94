package org.rcm.requests.mail.inbound;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

/** Header values of the top-level message, unfolded and repaired, never throwing. */
final class MailHeaders {

    private final MimeMessage message;

    MailHeaders(MimeMessage message) {
        this.message = message;
    }

    /** The first value of the header, unfolded, raw 8-bit repaired, trimmed; null when absent. */
    String get(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Every value of the header, in order. */
    List<String> all(String name) {
        List<String> result = new ArrayList<>();
        try {
            String[] values = message.getHeader(name);
            if (values != null) {
                for (String v : values) {
                    result.add(Charsets.repairRawHeader(v.replaceAll("\\r?\\n[ \\t]+", " ").replaceAll("\\r?\\n", " ")).trim());
                }
            }
        } catch (Exception e) {
            // unreadable header block: as if absent
        }
        return result;
    }

    /** The header with RFC 2047 encoded words decoded. */
    String decoded(String name) {
        String value = get(name);
        return value == null ? null : EncodedWords.decode(value).replaceAll("[\\t ]+", " ").trim();
    }

    boolean has(String name) {
        return get(name) != null;
    }
}
