package org.rcm.requests.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a structured answer against its form: required fields and columns, email addresses, lengths, the options a
 * choice offers, the number of rows. Each problem names its field (and row), so that the reply page puts its message
 * beside it and the review names it in both languages.
 */
public final class AnswerCheck {

    /** A table of more rows than this is a mistake or an attack, not a list of consulates. */
    public static final int MAX_ROWS = 500;
    /** One @, something before it, a domain with a dot after it, no spaces: what a person means by an address. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");

    public enum Code { REQUIRED, EMAIL, TOO_LONG, OPTION, TOO_MANY_ROWS }

    /**
     * One problem.
     *
     * @param table the table's key when the problem is in a row, else null
     * @param row   the row's number from 1, or 0
     * @param limit the limit broken (a length, a number of rows), or 0
     */
    public record Problem(ReplyForm.Field field, ReplyForm.Table table, int row, Code code, int limit) {

        /** The HTML id and form name of the field: {@code focalEmail}, {@code consulates.2.city}. */
        public String path() {
            if (table == null) {
                return field.key();
            }
            return field == null ? table.key() : table.key() + "." + (row - 1) + "." + field.key();
        }

        /** What the field is called in {@code language}: "Email", "Missions, row 2: City". */
        public String name(String language) {
            if (table == null) {
                return field.label(language);
            }
            String rowWord = "en".equals(language) ? "row" : "fila";
            return field == null ? table.label(language)
                    : table.label(language) + ", " + rowWord + " " + row + ": " + field.label(language);
        }

        /** The message in both languages, as the Secretariat's forms write them: "… / …". */
        public String bilingual() {
            return path() + ": " + message("es") + " / " + message("en");
        }

        /** The message in one language. */
        public String message(String language) {
            boolean en = "en".equals(language);
            String name = name(language);
            return switch (code) {
                case REQUIRED -> en ? name + ": this field is required." : name + ": este campo es obligatorio.";
                case EMAIL -> en ? name + ": write an email address such as name@example.org."
                        : name + ": escriba una dirección de correo como nombre@ejemplo.org.";
                case TOO_LONG -> en ? name + ": at most " + limit + " characters."
                        : name + ": admite hasta " + limit + " caracteres.";
                case OPTION -> en ? name + ": choose one of the options offered."
                        : name + ": elija una de las opciones ofrecidas.";
                case TOO_MANY_ROWS -> en ? name + ": at most " + limit + " rows; send the rest as a file."
                        : name + ": admite hasta " + limit + " filas; envíe el resto en un archivo.";
            };
        }
    }

    private AnswerCheck() {
    }

    public static List<Problem> check(ReplyForm form, Answer answer) {
        return check(form, answer, java.util.Set.of());
    }

    /** @param fixed keys of fields whose values the request gave (its topic): not the sender's to get right */
    public static List<Problem> check(ReplyForm form, Answer answer, java.util.Set<String> fixed) {
        List<Problem> problems = new ArrayList<>();
        for (ReplyForm.Field field : form.fields()) {
            if (!fixed.contains(field.key())) {
                checkValue(field, null, 0, answer.field(field.key()), problems);
            }
        }
        for (ReplyForm.Table table : form.tables()) {
            List<Map<String, String>> rows = answer.rows(table.key());
            if (rows.size() > MAX_ROWS) {
                problems.add(new Problem(null, table, 0, Code.TOO_MANY_ROWS, MAX_ROWS));
                continue;
            }
            for (int i = 0; i < rows.size(); i++) {
                for (ReplyForm.Field column : table.columns()) {
                    checkValue(column, table, i + 1, rows.get(i).get(column.key()), problems);
                }
            }
        }
        return problems;
    }

    private static void checkValue(ReplyForm.Field field, ReplyForm.Table table, int row, String value,
                                   List<Problem> problems) {
        if (value == null || value.isBlank()) {
            if (field.required()) {
                problems.add(new Problem(field, table, row, Code.REQUIRED, 0));
            }
            return;
        }
        if (value.length() > field.maxLength()) {
            problems.add(new Problem(field, table, row, Code.TOO_LONG, field.maxLength()));
        } else if (field.email() && !EMAIL.matcher(value).matches()) {
            problems.add(new Problem(field, table, row, Code.EMAIL, 0));
        } else if (field.choice() && field.options().stream().noneMatch(option -> option.value().equals(value))) {
            problems.add(new Problem(field, table, row, Code.OPTION, 0));
        }
    }
}
