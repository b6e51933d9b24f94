package org.rcm.requests.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes CSV as RFC 4180 has it (comma, CRLF, quotes doubled) for the exports that officers open in a spreadsheet.
 * A text cell starting with {@code = + - @} (or a tab or carriage return) gets a leading apostrophe, so that a
 * subject or an email text cannot become a formula (CSV injection). Numbers are written as they are.
 */
public final class CsvWriter {

    /** Put first in a UTF-8 file so that Excel reads the accents right. */
    public static final String BOM = "\uFEFF";
    public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";

    private CsvWriter() {
    }

    /** One line, with its CRLF; {@code null} is an empty cell. */
    public static String row(List<?> cells) {
        return cells.stream().map(CsvWriter::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    public static void write(Writer out, List<?> cells) {
        try {
            out.write(row(cells));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        // ';' too: spreadsheets set to Spanish read it as the separator
        boolean quote = text.contains(",") || text.contains(";") || text.contains("\"") || text.contains("\n")
                || text.contains("\r");
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
