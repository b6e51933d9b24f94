package org.rcm.requests.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table's rows as the review shows them: one line per row, its columns in the form's order separated by
 * {@code |}, a choice by its Spanish label ("Consulado general"). Camunda 7.24's Tasklist cannot complete a form whose
 * dynamic list holds a value (form-js leaves an empty error entry per list field, which Tasklist counts as an error),
 * so the review edits the rows as text. A table too long for a process variable shows its first rows and a marker
 * line; while the marker stays, the rows it stands for are kept from the answer received.
 */
final class TableLines {

    /** What a text variable holds, with room to spare. */
    static final int MAX_TEXT = 3_800;
    private static final String SEPARATOR = " | ";
    private static final Pattern MARKER = Pattern.compile("^\\[… filas (\\d+) a (\\d+)\\b.*");

    private TableLines() {
    }

    /** The rows as lines; when they do not fit, the first ones and a marker for the rest. */
    static String format(ReplyForm.Table table, List<Map<String, String>> rows) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            String line = line(table, rows.get(i));
            if (text.length() + line.length() + 200 > MAX_TEXT) {
                text.append("[… filas ").append(i + 1).append(" a ").append(rows.size())
                        .append(" de la respuesta recibida: se conservan mientras quede esta línea / rows ")
                        .append(i + 1).append(" to ").append(rows.size())
                        .append(" of the answer received: kept while this line stays]");
                return text.toString();
            }
            text.append(line).append('\n');
        }
        return text.toString().stripTrailing();
    }

    /**
     * The rows of the text the reviewer submitted: each non-blank line a row; a choice given by its value or by its
     * label in either language; a marker line brings back the rows it stands for from {@code received}.
     */
    static List<Map<String, String>> parse(ReplyForm.Table table, String text, List<Map<String, String>> received) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (text == null) {
            return rows;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher marker = MARKER.matcher(line.strip());
            if (marker.matches()) {
                int from = Integer.parseInt(marker.group(1)) - 1;
                int to = Math.min(Integer.parseInt(marker.group(2)), received.size());
                for (int i = Math.max(from, 0); i < to; i++) {
                    rows.add(received.get(i));
                }
                continue;
            }
            String[] cells = line.split("\\|", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < table.columns().size() && i < cells.length; i++) {
                ReplyForm.Field column = table.columns().get(i);
                row.put(column.key(), value(column, cells[i].strip()));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String line(ReplyForm.Table table, Map<String, String> row) {
        List<String> cells = new ArrayList<>();
        for (ReplyForm.Field column : table.columns()) {
            String value = row.get(column.key());
            cells.add(value == null ? "" : column.choice() ? column.optionLabel(value, "es") : value.replace('|', '/'));
        }
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return String.join(SEPARATOR, cells);
    }

    /** A choice's value from its value or either label; anything else as typed, for the check to name. */
    private static String value(ReplyForm.Field column, String cell) {
        if (!column.choice() || cell.isEmpty()) {
            return cell;
        }
        String wanted = cell.toLowerCase(Locale.ROOT);
        return column.options().stream().filter(option -> option.value().equalsIgnoreCase(wanted)
                        || option.label("es").equalsIgnoreCase(wanted) || option.label("en").equalsIgnoreCase(wanted))
                .map(ReplyForm.Option::value).findFirst().orElse(cell);
    }
}
