package org.rcm.requests.mail.inbound;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Bytes to text when the declared charset cannot be trusted. Mail clients mislabel text all the time: Latin-1 labels on
 * Windows-1252 text (curly quotes, euro sign), "us-ascii" on accented Spanish, misspelled or unknown names. Failing
 * would lose a reply, so every path ends in a readable string.
 */
final class Charsets {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Charsets() {
    }

    static String decode(byte[] bytes, String declared) {
        if (bytes == null || bytes.length == 0) {
            return "";
        }
        Charset charset = lookup(declared);
        if (charset == null || isAsciiOrUtf8Label(charset)) {
            // No label, or a label that promises UTF-8/ASCII: check the promise, else the bytes are almost surely
            // a Western single-byte encoding (the usual case for Spanish mail from older clients).
            String utf8 = strictUtf8(bytes);
            return utf8 != null ? utf8 : new String(bytes, WINDOWS_1252);
        }
        if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(WINDOWS_1252)) {
            // UTF-8 labelled as Latin-1 is a common webmail mistake; Spanish Latin-1 text practically never forms
            // valid multi-byte UTF-8 ("Ã³"), so valid UTF-8 with high bytes is taken as UTF-8.
            String utf8 = hasHighBytes(bytes) ? strictUtf8(bytes) : null;
            // Windows-1252 is a superset of the printable Latin-1 range; browsers do the same substitution.
            return utf8 != null ? utf8 : new String(bytes, WINDOWS_1252);
        }
        return new String(bytes, charset);
    }

    /** The charset for a MIME name, or null when the name is missing or unknown to Java. */
    static Charset lookup(String name) {
        if (name == null) {
            return null;
        }
        String cleaned = name.trim().replaceAll("^[\"']+|[\"';]+$", "").trim().toLowerCase(Locale.ROOT);
        int star = cleaned.indexOf('*'); // RFC 2231 language suffix: utf-8*es
        if (star > 0) {
            cleaned = cleaned.substring(0, star);
        }
        if (cleaned.isEmpty()) {
            return null;
        }
        switch (cleaned) { // names seen in the wild that Java does not know
            case "utf8", "utf-8-sig", "unicode-1-1-utf-8" -> cleaned = "utf-8";
            case "latin1", "latin-1", "iso8859-1", "iso-latin-1", "cp-1252", "win-1252", "ansi" -> cleaned = "windows-1252";
            case "ascii", "us_ascii", "ansi_x3.4-1968" -> cleaned = "us-ascii";
            default -> { }
        }
        try {
            return Charset.forName(cleaned);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean isAsciiOrUtf8Label(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII);
    }

    private static boolean hasHighBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /** The text if the bytes are valid UTF-8, else null. */
    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Repairs a header that arrived as raw 8-bit bytes: jakarta.mail reads header bytes one byte per char, so UTF-8
     * or Windows-1252 Spanish shows up as mojibake. Leaves proper Unicode strings untouched.
     */
    static String repairRawHeader(String value) {
        if (value == null) {
            return null;
        }
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value;
            }
            high |= c >= 0x80;
        }
        return high ? decode(value.getBytes(StandardCharsets.ISO_8859_1), null) : value;
    }
}
