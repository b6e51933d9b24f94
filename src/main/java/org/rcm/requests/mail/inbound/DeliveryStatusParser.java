package org.rcm.requests.mail.inbound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of an RFC 3464 delivery-status body: a per-message block, then one block per recipient, separated by
 * blank lines, with folded continuation lines. Also used on the text of a report whose MIME structure is broken,
 * where the same fields appear among other lines; blocks without recipient fields are ignored.
 */
final class DeliveryStatusParser {

    private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z0-9-]*)\\s*:\\s*(.*)$");
    private static final Pattern STATUS = Pattern.compile("(?<![\\d.])([245]\\.\\d{1,3}\\.\\d{1,3})(?![\\d.])");

    private DeliveryStatusParser() {
    }

    static List<DsnRecipient> parse(String text) {
        List<DsnRecipient> recipients = new ArrayList<>();
        if (text == null) {
            return recipients;
        }
        for (Map<String, String> block : blocks(text)) {
            String address = address(block.get("original-recipient"));
            if (address == null) {
                address = address(block.get("final-recipient"));
            }
            String action = lower(block.get("action"));
            String status = status(block.get("status"));
            if (address == null && action == null) {
                continue; // the per-message block, or unrelated lines
            }
            if (address == null && block.get("x-actual-recipient") != null) {
                address = address(block.get("x-actual-recipient"));
            }
            recipients.add(new DsnRecipient(address, action, status, diagnostic(block.get("diagnostic-code"))));
        }
        return recipients;
    }

    private static List<Map<String, String>> blocks(String text) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> block = new LinkedHashMap<>();
        String lastKey = null;
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    blocks.add(block);
                    block = new LinkedHashMap<>();
                }
                lastKey = null;
            } else if ((line.startsWith(" ") || line.startsWith("\t")) && lastKey != null) {
                block.merge(lastKey, " " + line.strip(), String::concat);
            } else {
                Matcher m = FIELD.matcher(line);
                if (m.matches()) {
                    lastKey = m.group(1).toLowerCase(Locale.ROOT);
                    block.putIfAbsent(lastKey, m.group(2).strip());
                } else {
                    lastKey = null;
                }
            }
        }
        if (!block.isEmpty()) {
            blocks.add(block);
        }
        return blocks;
    }

    /** "rfc822; <User@Example.org>" to "user@example.org"; null when there is no address. */
    private static String address(String value) {
        if (value == null) {
            return null;
        }
        String v = value.contains(";") ? value.substring(value.indexOf(';') + 1) : value;
        Matcher m = AddressReader.ADDRESS.matcher(v);
        return m.find() ? m.group().toLowerCase(Locale.ROOT) : null;
    }

    static String status(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = STATUS.matcher(value);
        return m.find() ? m.group(1) : null;
    }

    /** "smtp; 550 5.1.1 … User Unknown" to "550 5.1.1 … User Unknown". */
    private static String diagnostic(String value) {
        if (value == null) {
            return null;
        }
        String v = value.replaceFirst("^(?i)(smtp|x-[\\w.-]+|x400|unix)\\s*;\\s*", "");
        return v.replaceAll("\\s+", " ").trim();
    }

    private static String lower(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip().split("[\\s(;]", 2)[0].toLowerCase(Locale.ROOT);
    }
}
