package org.rcm.requests.task;

import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Checks what a user submitted to complete a task or start a process against the fields of its form: a name the
 * form does not declare is refused, as is a value of a kind no form field holds (an object, a file) or one the
 * field does not offer; a display-only field is not written back, and may only come back unchanged. Texts longer than the engine's text column go on
 * as {@link LongTexts}.
 */
final class SubmissionCheck {

    /** The engine's text column holds this many characters. */
    static final int ENGINE_TEXT_LIMIT = 4_000;

    private static final Set<String> PLAIN_TYPES = Set.of("null", "string", "boolean", "integer", "long", "short",
            "double", "date", "json");

    private SubmissionCheck() {
    }

    /** What goes on to the engine. */
    record Checked(Map<String, Object> variables) {
    }

    /**
     * @param current the value a display-only field shows now, by name: such a field may come back only unchanged
     *                (Tasklist leaves disabled fields out; another client may send every field), and is not
     *                written back
     */
    static Checked check(String formName, Map<String, FormField> fields, Map<String, Object> submitted,
                         Function<String, Object> current) {
        Map<String, Object> accepted = new LinkedHashMap<>();
        if (submitted == null) {
            return new Checked(accepted);
        }
        VariableMap typed = Variables.fromMap(submitted);
        for (String name : typed.keySet()) {
            FormField field = fields.get(name);
            if (field == null) {
                throw new SubmissionRefused(name, "el formulario " + formName + " no tiene este campo / the form "
                        + formName + " has no such field" + (fields.isEmpty() ? "" : " (" + editable(fields) + ")"));
            }
            Object value = plainValue(name, typed.getValueTyped(name));
            if (!field.editable()) {
                if (!sameText(value, current.apply(name))) {
                    throw new SubmissionRefused(name, "este campo solo se muestra y no se puede cambiar / this field "
                            + "is shown only and cannot be changed");
                }
                continue;
            }
            checkOption(field, value);
            if (value instanceof String text && field.maxLength() > 0 && text.length() > field.maxLength()) {
                throw new SubmissionRefused(name, "admite hasta " + field.maxLength() + " caracteres / is limited to "
                        + field.maxLength() + " characters");
            }
            if (value instanceof String text && text.length() > ENGINE_TEXT_LIMIT) {
                accepted.put(name, LongTexts.beginning(text));
                accepted.put(LongTexts.wholeName(name), Variables.stringValue(text, true));
            } else {
                accepted.put(name, typed.getValueTyped(name));
            }
        }
        return new Checked(accepted);
    }

    /** Whether a display field came back as shown (blank and absent alike; JSON lists by their text). */
    private static boolean sameText(Object submitted, Object shown) {
        String back = submitted == null ? "" : String.valueOf(submitted).replaceAll("\\s+", "");
        String now = shown == null ? "" : String.valueOf(shown).replaceAll("\\s+", "");
        return back.equals(now);
    }

    /** The plain value of a submitted variable; objects, files and bytes are refused. */
    private static Object plainValue(String name, Object submitted) {
        if (submitted instanceof TypedValue typed) {
            String type = typed.getType() == null ? null : typed.getType().getName();
            if (type != null && !PLAIN_TYPES.contains(type)) {
                throw new SubmissionRefused(name, "solo se admiten textos, números, fechas y listas / only texts, "
                        + "numbers, dates and lists are accepted (was " + type + ")");
            }
            return plainValue(name, typed.getValue());
        }
        if (submitted == null || submitted instanceof String || submitted instanceof Boolean
                || submitted instanceof Number || submitted instanceof Date) {
            return submitted;
        }
        if (submitted instanceof Collection<?> list && list.stream().allMatch(item -> item instanceof String)) {
            return List.copyOf(list);
        }
        if (submitted.getClass().getName().startsWith("org.camunda.spin.")) {
            return submitted;
        }
        throw new SubmissionRefused(name, "solo se admiten textos, números, fechas y listas / only texts, numbers, "
                + "dates and lists are accepted (was " + submitted.getClass().getName() + ")");
    }

    private static void checkOption(FormField field, Object value) {
        if (field.options().isEmpty() || value == null || "".equals(value)
                || !(field.type().equals("select") || field.type().equals("radio"))) {
            return;
        }
        if (!field.options().contains(String.valueOf(value))) {
            throw new SubmissionRefused(field.key(), "elija " + String.join(", ", field.options()) + " / choose "
                    + String.join(", ", field.options()) + " (was '" + value + "')");
        }
    }

    private static String editable(Map<String, FormField> fields) {
        return String.join(", ", fields.values().stream().filter(FormField::editable).map(FormField::key).toList());
    }
}
