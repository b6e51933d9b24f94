package org.rcm.requests.mail.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.InternetAddress;

/**
 * Address headers to bare lower-cased addresses and decoded display names. jakarta.mail does the list parsing; when a
 * header is too broken for it ({@code Juan Pérez juan@x} without brackets), a plain address pattern still finds the
 * address, because a lost sender is worse than a lost display name.
 */
final class AddressReader {

    static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final Pattern WELL_FORMED = Pattern.compile("^" + ADDRESS.pattern() + "$");

    record Address(String address, String name) {
    }

    private AddressReader() {
    }

    static List<Address> read(String rawHeader) {
        List<Address> result = new ArrayList<>();
        if (rawHeader == null || rawHeader.isBlank()) {
            return result;
        }
        String value = Charsets.repairRawHeader(rawHeader.replaceAll("\\r?\\n[ \\t]", " "));
        try {
            for (InternetAddress ia : InternetAddress.parseHeader(value, false)) {
                String address = ia.getAddress() == null ? "" : ia.getAddress().trim();
                if (WELL_FORMED.matcher(address).matches()) {
                    result.add(new Address(address.toLowerCase(Locale.ROOT), name(value, address, ia)));
                }
            }
        } catch (Exception e) {
            result.clear(); // fall through to the pattern
        }
        if (result.isEmpty()) {
            Matcher m = ADDRESS.matcher(value);
            while (m.find()) {
                result.add(new Address(m.group().toLowerCase(Locale.ROOT), null));
            }
        }
        return result;
    }

    /**
     * The display name, taken from the raw header and decoded by {@link EncodedWords}: jakarta.mail's own decoding
     * gives up on encoded words glued to other text or in charsets Java does not know.
     */
    private static String name(String header, String address, InternetAddress ia) {
        String raw = rawName(header, address);
        if (raw == null) {
            try {
                raw = ia.getPersonal();
            } catch (RuntimeException e) {
                raw = null;
            }
        }
        if (raw == null) {
            return null;
        }
        String decoded = EncodedWords.decode(raw.replace("\\\"", "\"")).replaceAll("\\s+", " ").trim();
        decoded = decoded.replaceAll("^[\"']+|[\"']+$", "").trim();
        return decoded.isEmpty() ? null : decoded;
    }

    /** "Name &lt;addr&gt;" gives Name (back to the previous unquoted comma); "addr (Name)" gives Name. */
    private static String rawName(String header, String address) {
        String lower = header.toLowerCase(Locale.ROOT);
        Matcher bracket = Pattern.compile("<\\s*" + Pattern.quote(address.toLowerCase(Locale.ROOT)) + "\\s*>").matcher(lower);
        if (bracket.find()) {
            String before = header.substring(0, bracket.start());
            boolean quoted = false;
            int start = 0;
            for (int i = 0; i < before.length(); i++) {
                char c = before.charAt(i);
                if (c == '"' && (i == 0 || before.charAt(i - 1) != '\\')) {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    start = i + 1;
                }
            }
            String name = before.substring(start).trim();
            return name.isEmpty() ? null : name;
        }
        Matcher comment = Pattern.compile(Pattern.quote(address) + "\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE)
                .matcher(header);
        return comment.find() ? comment.group(1) : null;
    }
}
