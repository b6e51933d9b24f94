package org.rcm.requests.mail.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Message-ID style tokens ({@code <abc@x>}) out of Message-ID, In-Reply-To and References values. */
final class MessageIds {

    private static final Pattern BRACKETED = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern BARE = Pattern.compile("[^<>\\s\"()]+@[^<>\\s\"()]+");

    private MessageIds() {
    }

    /** Every id in the value, with brackets, in order; a bare {@code id@host} when the sender left them out. */
    static List<String> all(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return ids;
        }
        Matcher m = BRACKETED.matcher(value);
        while (m.find()) {
            ids.add(m.group());
        }
        if (ids.isEmpty()) {
            Matcher bare = BARE.matcher(value);
            while (bare.find()) {
                ids.add(bare.group());
            }
        }
        return ids;
    }

    /** The first id, or null. */
    static String first(String value) {
        List<String> ids = all(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** The id without brackets, lower-cased, for comparing ids written by different software. */
    static String key(String id) {
        return id == null ? "" : id.replaceAll("^<|>$", "").trim().toLowerCase(java.util.Locale.ROOT);
    }
}
