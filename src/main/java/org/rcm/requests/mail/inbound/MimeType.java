package org.rcm.requests.mail.inbound;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimePart;

/**
 * A part's Content-Type, parsed without trusting it: a missing header means text/plain (RFC 2045), an unparseable one
 * an empty base type, and parameters fall back to a simple pattern when the list is malformed.
 */
record MimeType(String base, String raw) {

    static MimeType of(Part part) {
        String raw;
        try {
            raw = part instanceof MimePart mp ? mp.getHeader("Content-Type", null) : part.getContentType();
        } catch (Exception e) {
            raw = null;
        }
        if (raw == null) {
            return new MimeType("text/plain", "");
        }
        raw = Charsets.repairRawHeader(raw.replaceAll("\\r?\\n[ \\t]", " "));
        String base = raw.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return new MimeType(base.contains("/") ? base : "", raw);
    }

    String param(String name) {
        try {
            String value = new ContentType(raw).getParameter(name);
            if (value != null) {
                return value;
            }
        } catch (Exception e) {
            // malformed parameter list: fall back to a simple pattern
        }
        Matcher m = Pattern.compile("(?i);\\s*" + Pattern.quote(name) + "\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)").matcher(raw);
        return m.find() ? (m.group(2) != null ? m.group(2) : m.group(1)) : null;
    }
}
