package org.rcm.requests.registry;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Rows of RFC 4180 CSV (CRLF, quotes doubled). A cell that a spreadsheet would take for a formula ({@code = + - @},
 * tab, carriage return) gets a leading apostrophe, so that a subject cannot run code in the reader's spreadsheet.
 */
final class RegistryCsv {

    private final Writer out;

    RegistryCsv(Writer out) {
        this.out = out;
    }

    void row(List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.indexOf(';') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
