package org.rcm.requests.mail.inbound;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One {@code Authentication-Results} header (RFC 8601): {@code authserv-id [version]; method=result [reason=...]
 * ptype.property=value ...; ...}. Comments (nested parentheses) are dropped, quoted strings unquoted, keywords
 * lower-cased. A header that starts with a result has no authserv-id (Exchange Online writes them so); one that
 * cannot be read at all gives no results. Never throws.
 *
 * @param authservId who wrote the results; null when the header names none
 */
record AuthenticationResults(String authservId, List<Result> results) {

    /**
     * One {@code method=result} with its properties.
     *
     * @param properties {@code ptype.property} (e.g. {@code header.from}, {@code header.d}) to value, in order
     */
    record Result(String method, String result, String reason, Map<String, String> properties) {

        String property(String name) {
            return properties.get(name);
        }

        /** As written, without comments: {@code dmarc=fail header.from=iom.int}. */
        @Override
        public String toString() {
            return method + "=" + result + (reason == null ? "" : " reason=\"" + reason + "\"")
                    + properties.entrySet().stream().map(p -> " " + p.getKey() + "=" + p.getValue())
                    .collect(Collectors.joining());
        }
    }

    static AuthenticationResults parse(String value) {
        List<String> statements = split(withoutComments(value == null ? "" : value));
        String authservId = null;
        if (!statements.isEmpty() && !statements.get(0).contains("=")) {
            List<String> words = words(statements.remove(0));
            authservId = words.isEmpty() ? null : unquote(words.get(0));
        }
        List<Result> results = new ArrayList<>();
        for (String statement : statements) {
            Result result = result(statement);
            if (result != null) {
                results.add(result);
            }
        }
        return new AuthenticationResults(authservId, List.copyOf(results));
    }

    /** {@code dkim = pass header.d=x} to its result; null for {@code none} or a statement without a result. */
    private static Result result(String statement) {
        List<String> words = words(statement.replaceAll("\\s*=\\s*", "=").replaceAll("\\s*/\\s*", "/"));
        if (words.isEmpty() || !words.get(0).contains("=")) {
            return null;
        }
        String[] methodResult = words.get(0).split("=", 2);
        String method = methodResult[0].split("/", 2)[0].toLowerCase(Locale.ROOT);
        String reason = null;
        Map<String, String> properties = new LinkedHashMap<>();
        for (String word : words.subList(1, words.size())) {
            int equals = word.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String key = word.substring(0, equals).toLowerCase(Locale.ROOT);
            String propertyValue = unquote(word.substring(equals + 1));
            if (key.equals("reason")) {
                reason = reason == null ? propertyValue : reason;
            } else {
                properties.putIfAbsent(key, propertyValue);
            }
        }
        return new Result(method, unquote(methodResult[1]).toLowerCase(Locale.ROOT), reason,
                Collections.unmodifiableMap(properties));
    }

    /** The value with every comment, however nested, replaced by a space; quoted strings kept as they are. */
    private static String withoutComments(String value) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && (quoted || depth > 0) && i + 1 < value.length()) {
                if (depth == 0) {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++;
            } else if (depth == 0 && c == '"') {
                quoted = !quoted;
                out.append(c);
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && depth > 0) {
                if (--depth == 0) {
                    out.append(' ');
                }
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Statements between the semicolons that are not inside a quoted string; empty ones left out. */
    private static List<String> split(String value) {
        return pieces(value, ';');
    }

    /** Words between the spaces that are not inside a quoted string. */
    private static List<String> words(String value) {
        return pieces(value.replaceAll("\\s", " "), ' ');
    }

    private static List<String> pieces(String value, char separator) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && quoted && i + 1 < value.length()) {
                piece.append(c).append(value.charAt(++i));
            } else if (c == separator && !quoted) {
                add(pieces, piece);
            } else {
                quoted ^= c == '"';
                piece.append(c);
            }
        }
        add(pieces, piece);
        return pieces;
    }

    private static void add(List<String> pieces, StringBuilder piece) {
        if (!piece.toString().isBlank()) {
            pieces.add(piece.toString().trim());
        }
        piece.setLength(0);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return value;
    }
}
