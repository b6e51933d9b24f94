package org.rcm.requests.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rcm.requests.answer.Answer;
import org.rcm.requests.answer.AnswerCheck;
import org.rcm.requests.answer.ReplyForm;

/**
 * The reply form as {@code reply/answer.html} draws it, in one language: its texts, its fields and its tables with what
 * the sender typed and the problems found, each input with its name, id and message. No script: a table shows the rows
 * typed and a few blank ones, and a button adds more.
 */
final class ReplyAnswerView {

    /** Blank rows a table offers below the typed ones; the button adds {@link #MORE_ROWS} more. */
    static final int BLANK_ROWS = 3;
    static final int MORE_ROWS = 5;

    record Line(boolean heading, String text) {
    }

    record Choice(String value, String label, boolean selected) {
    }

    /** One input; {@code choices} null for a text, {@code error} null when fine. */
    record Input(String name, String id, String label, String description, boolean required, boolean multiline,
                 boolean email, int maxLength, String value, List<Choice> choices, String error) {
    }

    record Column(String label, boolean required) {
    }

    /** One part of the form: {@code text} (lines), {@code field} (input) or {@code table} (columns, rows). */
    record Item(String type, List<Line> lines, Input input, String id, String label, List<Column> columns,
                List<List<Input>> rows) {
    }

    private ReplyAnswerView() {
    }

    /** @param extraRows rows asked for with the button, beyond the usual blank ones */
    static List<Item> items(ReplyAnswerForms.PageForm page, Answer typed, List<AnswerCheck.Problem> problems,
                            String language, int extraRows) {
        Map<String, String> errors = new java.util.HashMap<>();
        problems.forEach(problem -> errors.putIfAbsent(problem.path(), problem.message(language)));
        List<Item> items = new ArrayList<>();
        for (ReplyForm.Part part : page.form().parts()) {
            if (part instanceof ReplyForm.Text text) {
                items.add(new Item("text", lines(text.in(language)), null, null, null, null, null));
            } else if (part instanceof ReplyForm.Field field && page.asks(field)) {
                items.add(new Item("field", null, input(field, field.key(), field.label(language), language,
                        typed.field(field.key()), errors.get(field.key())), null, null, null, null));
            } else if (part instanceof ReplyForm.Table table) {
                List<Map<String, String>> typedRows = typed.rows(table.key());
                int count = Math.min(typedRows.size() + BLANK_ROWS + extraRows, AnswerCheck.MAX_ROWS);
                List<List<Input>> rows = new ArrayList<>();
                for (int i = 0; i < Math.max(count, typedRows.size()); i++) {
                    Map<String, String> row = i < typedRows.size() ? typedRows.get(i) : Map.of();
                    List<Input> cells = new ArrayList<>();
                    for (ReplyForm.Field column : table.columns()) {
                        String path = table.key() + "." + i + "." + column.key();
                        String rowWord = "en".equals(language) ? "row" : "fila";
                        cells.add(input(column, path, column.label(language) + ", " + rowWord + " " + (i + 1),
                                language, row.get(column.key()), errors.get(path)));
                    }
                    rows.add(cells);
                }
                items.add(new Item("table", null, null, id(table.key()), table.label(language),
                        table.columns().stream().map(column -> new Column(column.label(language), column.required()))
                                .toList(), rows));
            }
        }
        return items;
    }

    /** The HTML id of a field's input: {@code answer-focalEmail}, {@code answer-consulates-2-city}. */
    static String id(String path) {
        return "answer-" + path.replace('.', '-');
    }

    private static Input input(ReplyForm.Field field, String path, String label, String language, String value,
                               String error) {
        List<Choice> choices = field.choice() ? field.options().stream().map(option -> new Choice(option.value(),
                option.label(language), option.value().equals(value))).toList() : null;
        return new Input(ReplyAnswerForms.PREFIX + path, id(path), label, field.description(language),
                field.required(), field.multiline(), field.email(), field.maxLength(), value, choices, error);
    }

    /** Markdown as the forms use it: a line starting with {@code #} is a heading, the others are text. */
    private static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            boolean heading = line.startsWith("#");
            lines.add(new Line(heading, heading ? line.replaceFirst("^#+\\s*", "") : line.strip()));
        }
        return lines;
    }
}
