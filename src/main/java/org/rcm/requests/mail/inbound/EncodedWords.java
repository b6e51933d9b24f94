package org.rcm.requests.mail.inbound;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words ({@code =?UTF-8?Q?legislaci=C3=B3n?=}) decoded without ever failing. Written here rather than
 * left to MimeUtility, which throws on unknown charsets, leaves words glued to text undecoded, and breaks characters
 * whose bytes are split across two adjacent words.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?]*)\\?=");
    private static final Pattern BLANK = Pattern.compile("[ \\t\\r\\n]*");

    private EncodedWords() {
    }

    static String decode(String value) {
        if (value == null) {
            return null;
        }
        String text = Charsets.repairRawHeader(value);
        if (!text.contains("=?")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher m = WORD.matcher(text);
        int pos = 0;
        String pendingCharset = null;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (m.find()) {
            String between = text.substring(pos, m.start());
            boolean adjacent = pendingCharset != null && BLANK.matcher(between).matches();
            if (!adjacent) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                out.append(between);
            }
            String charset = m.group(1);
            if (pendingCharset != null && !pendingCharset.equalsIgnoreCase(charset)) {
                flush(out, pending, pendingCharset); // whitespace between words of different charsets is dropped too
            }
            pendingCharset = charset;
            byte[] bytes = m.group(2).equalsIgnoreCase("b")
                    ? TransferDecoding.base64(m.group(3).getBytes(StandardCharsets.US_ASCII))
                    : qDecode(m.group(3));
            pending.writeBytes(bytes);
            pos = m.end();
        }
        flush(out, pending, pendingCharset);
        out.append(text.substring(pos));
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() > 0) {
            out.append(Charsets.decode(pending.toByteArray(), charset));
            pending.reset();
        }
    }

    private static byte[] qDecode(String text) {
        byte[] raw = text.replace('_', ' ').getBytes(StandardCharsets.ISO_8859_1);
        return TransferDecoding.quotedPrintable(raw);
    }
}
