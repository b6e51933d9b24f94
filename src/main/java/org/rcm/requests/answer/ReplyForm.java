package org.rcm.requests.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A kind's reply form ({@code processes/Form_Reply_<kind>.form}, a Camunda Form) as the reply page, the review and the
 * compiled answers read it: texts, fields and tables (a {@code dynamiclist}, one row per item), each label in Spanish
 * and, from the custom property {@code label_en}, in English. A group's fields count as the form's own.
 */
public record ReplyForm(String id, List<Part> parts) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A field's length when its form sets none. */
    static final int DEFAULT_MAX_LENGTH = 1_000;

    public sealed interface Part permits Text, Field, Table {
    }

    /** Markdown-like text shown between fields: {@code ## } starts a heading line. */
    public record Text(String es, String en) implements Part {

        public String in(String language) {
            return "en".equals(language) && en != null ? en : es;
        }
    }

    public record Option(String value, String es, String en) {

        public String label(String language) {
            return "en".equals(language) && en != null ? en : es;
        }
    }

    /**
     * @param fromRequest the request attribute that gives this field's value when the request has it (today
     *                    {@code topic}; the custom property {@code fromRequest}); the recipient is asked otherwise
     */
    public record Field(String key, String type, String labelEs, String labelEn, String descriptionEs,
                        String descriptionEn, boolean required, int maxLength, boolean email, List<Option> options,
                        String fromRequest) implements Part {

        public String label(String language) {
            return "en".equals(language) && labelEn != null ? labelEn : labelEs;
        }

        public String description(String language) {
            return "en".equals(language) && descriptionEn != null ? descriptionEn : descriptionEs;
        }

        public boolean choice() {
            return !options.isEmpty();
        }

        public boolean multiline() {
            return "textarea".equals(type);
        }

        /** The label of an option's value, or the value itself when the form offers no such option. */
        public String optionLabel(String value, String language) {
            return options.stream().filter(option -> option.value().equals(value)).map(option -> option.label(language))
                    .findFirst().orElse(value);
        }
    }

    public record Table(String key, String labelEs, String labelEn, List<Field> columns) implements Part {

        public String label(String language) {
            return "en".equals(language) && labelEn != null ? labelEn : labelEs;
        }
    }

    public List<Field> fields() {
        return parts.stream().filter(Field.class::isInstance).map(Field.class::cast).toList();
    }

    public List<Table> tables() {
        return parts.stream().filter(Table.class::isInstance).map(Table.class::cast).toList();
    }


    public static ReplyForm parse(byte[] json) {
        try {
            JsonNode form = JSON.readTree(json);
            List<Part> parts = new ArrayList<>();
            collect(form.path("components"), parts);
            return new ReplyForm(form.path("id").asText(), List.copyOf(parts));
        } catch (IOException e) {
            throw new UncheckedIOException("not a Camunda Form", e);
        }
    }

    private static void collect(JsonNode components, List<Part> parts) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            JsonNode properties = component.path("properties");
            switch (type) {
                case "text" -> parts.add(new Text(component.path("text").asText(""),
                        text(properties, "text_en")));
                case "group" -> collect(component.path("components"), parts);
                case "dynamiclist" -> {
                    List<Part> columns = new ArrayList<>();
                    collect(component.path("components"), columns);
                    parts.add(new Table(component.path("path").asText(), component.path("label").asText(""),
                            text(properties, "label_en"), columns.stream().filter(Field.class::isInstance)
                            .map(Field.class::cast).toList()));
                }
                default -> {
                    if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)) {
                        parts.add(field(component, type, properties));
                    }
                }
            }
        }
    }

    private static Field field(JsonNode component, String type, JsonNode properties) {
        List<Option> options = new ArrayList<>();
        component.path("values").forEach(value -> options.add(new Option(value.path("value").asText(),
                value.path("label").asText(value.path("value").asText()),
                text(properties, "value_en." + value.path("value").asText()))));
        JsonNode validate = component.path("validate");
        int maxLength = validate.path("maxLength").asInt(0);
        return new Field(component.path("key").asText(), type, component.path("label").asText(""),
                text(properties, "label_en"), text(component, "description"), text(properties, "description_en"),
                validate.path("required").asBoolean(false), maxLength > 0 ? maxLength : DEFAULT_MAX_LENGTH,
                "email".equals(validate.path("validationType").asText()), List.copyOf(options),
                text(properties, "fromRequest"));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
