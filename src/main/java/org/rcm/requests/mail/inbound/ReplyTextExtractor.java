package org.rcm.requests.mail.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the person wrote, without the quoted original and without the signature.
 *
 * <p>The text is read as segments: runs of the sender's own lines between quoted blocks. Quoted lines ({@code >})
 * and the attribution right above them ("On … wrote:") are dropped, but the text between quoted blocks is kept,
 * because some people answer point by point under each quoted question. A marker after which everything is the
 * original (an Outlook header block, "-----Mensaje original-----", an attribution not followed by {@code >} lines)
 * ends the reading. Then each segment loses its signature.
 */
final class ReplyTextExtractor {

    private static final int MAX_WRAP = 3; // attribution lines wrapped by the client over at most three lines
    private static final int HEADER_WINDOW = 8;

    private ReplyTextExtractor() {
    }

    static String extract(String text) {
        return join(segments(text).stream().map(Signatures::strip).toList());
    }

    /** The reply with quotes removed but signatures kept (the first of the two steps, exposed for tests). */
    static String withoutQuotes(String text) {
        return join(segments(text));
    }

    static List<List<String>> segments(String text) {
        List<String> lines = lines(text);
        int end = originalStart(lines);
        List<List<String>> segments = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int i = 0;
        while (i < end) {
            String line = lines.get(i);
            if (QuoteMarkers.isQuoted(line)) {
                current = close(segments, current);
                i++;
                continue;
            }
            Found found = attributionAt(lines, i, end);
            if (found != null) {
                int next = nextNonBlank(lines, i + found.length(), end);
                if (next < end && QuoteMarkers.isQuoted(lines.get(next))) {
                    current = close(segments, current);
                    i += found.length();
                    continue;
                }
                if (found.strong()) {
                    break; // the original follows without quote marks (Outlook for Mac, Yahoo's "--- On … wrote:")
                }
            }
            current.add(line);
            i++;
        }
        close(segments, current);
        return segments;
    }

    /** An attribution of {@code length} lines; a strong one marks the original even without quote marks. */
    private record Found(int length, boolean strong) {
    }

    /** An attribution starting at line i, possibly wrapped over the next lines; the shortest match wins. */
    private static Found attributionAt(List<String> lines, int i, int end) {
        StringBuilder joined = new StringBuilder();
        for (int n = 1; n <= MAX_WRAP && i + n <= end; n++) {
            String line = lines.get(i + n - 1);
            if (line.isBlank() || QuoteMarkers.isQuoted(line) || n > 1 && !QuoteMarkers.canOpenWrappedAttribution(lines.get(i))) {
                return null;
            }
            if (n > 1) {
                // A later line that is a full attribution by itself is the real start: line i is the sender's text.
                if (QuoteMarkers.attribution(line, false) == QuoteMarkers.Attribution.STRONG) {
                    return null;
                }
                joined.append(' ');
            }
            joined.append(line.strip());
            QuoteMarkers.Attribution kind = QuoteMarkers.attribution(joined.toString(), n > 1);
            if (kind != QuoteMarkers.Attribution.NONE) {
                return new Found(n, kind == QuoteMarkers.Attribution.STRONG);
            }
        }
        return null;
    }

    /** Index of the first line of an unquoted original (separator or Outlook header block), or the line count. */
    static int originalStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (QuoteMarkers.isQuoted(line)) {
                continue;
            }
            if (QuoteMarkers.isSeparator(line) || startsHeaderBlock(lines, i)) {
                return i;
            }
        }
        return lines.size();
    }

    /**
     * A header block of the original: consecutive header lines (a wrapped value may take one more line) with a
     * sender key and at least three headers in all, as Outlook, Gmail forwards and webmails write them.
     */
    private static boolean startsHeaderBlock(List<String> lines, int start) {
        if (QuoteMarkers.headerKey(lines.get(start)) == null
                || start > 0 && QuoteMarkers.headerKey(lines.get(start - 1)) != null) {
            return false; // only the first line of a run can start a block
        }
        int headers = 0;
        boolean sender = false;
        int continuation = 0;
        for (int j = start; j < lines.size() && j < start + HEADER_WINDOW; j++) {
            String key = QuoteMarkers.headerKey(lines.get(j));
            if (key != null) {
                headers++;
                sender |= QuoteMarkers.isFromKey(key);
                continuation = 0;
            } else if (!lines.get(j).isBlank() && !QuoteMarkers.isQuoted(lines.get(j)) && continuation++ == 0) {
                continue; // one wrapped line inside the block
            } else {
                break;
            }
        }
        return sender && headers >= 3;
    }

    private static List<String> close(List<List<String>> segments, List<String> current) {
        List<String> trimmed = trim(current);
        if (!trimmed.isEmpty()) {
            segments.add(trimmed);
        }
        return new ArrayList<>();
    }

    /** Without blank lines at either end, nor trailing separator lines ("-----", "_____") left by a cut. */
    static List<String> trim(List<String> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).isBlank()) {
            from++;
        }
        while (to > from && (lines.get(to - 1).isBlank() || lines.get(to - 1).matches("^[\\s\\-_=*~]+$"))) {
            to--;
        }
        return new ArrayList<>(lines.subList(from, to));
    }

    private static String join(List<List<String>> segments) {
        return segments.stream()
                .map(ReplyTextExtractor::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> String.join("\n", s))
                .collect(Collectors.joining("\n\n"));
    }

    private static int nextNonBlank(List<String> lines, int from, int end) {
        int i = from;
        while (i < end && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ');
        List<String> lines = new ArrayList<>();
        for (String line : normalized.split("\n", -1)) {
            lines.add(line.stripTrailing());
        }
        return lines;
    }
}
