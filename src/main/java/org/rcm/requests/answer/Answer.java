package org.rcm.requests.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The values of a structured answer: each field's text by key, and each table's rows (a row: its columns' texts by
 * key). Values are trimmed; blank values and rows with nothing in them are left out. Stored as one JSON object, the
 * shape form-js gives a form's variables.
 */
public record Answer(Map<String, String> fields, Map<String, List<Map<String, String>>> tables) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Answer {
        Map<String, String> cleanFields = new LinkedHashMap<>();
        fields.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                cleanFields.put(key, value.strip());
            }
        });
        Map<String, List<Map<String, String>>> cleanTables = new LinkedHashMap<>();
        tables.forEach((key, rows) -> cleanTables.put(key, rows.stream().map(Answer::cleanRow)
                .filter(row -> !row.isEmpty()).toList()));
        fields = java.util.Collections.unmodifiableMap(cleanFields);
        tables = java.util.Collections.unmodifiableMap(cleanTables);
    }

    public static final Answer EMPTY = new Answer(Map.of(), Map.of());

    /** Nothing typed in any field or row. */
    public boolean blank() {
        return fields.isEmpty() && tables.values().stream().allMatch(List::isEmpty);
    }

    public String field(String key) {
        return fields.get(key);
    }

    public List<Map<String, String>> rows(String key) {
        return tables.getOrDefault(key, List.of());
    }

    /** The same answer with {@code key} set (a value the request fixes, such as its topic). */
    public Answer with(String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.put(key, value);
        return new Answer(changed, tables);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        fields.forEach(root::put);
        tables.forEach((key, rows) -> {
            ArrayNode list = root.putArray(key);
            rows.forEach(row -> {
                ObjectNode item = list.addObject();
                row.forEach(item::put);
            });
        });
        return root.toString();
    }

    /** Reads an answer stored by {@link #toJson()}: every text and every list of rows. */
    public static Answer fromJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
            root.fields().forEachRemaining(entry -> {
                if (entry.getValue().isArray()) {
                    tables.put(entry.getKey(), rows(entry.getValue()));
                } else if (!entry.getValue().isNull()) {
                    fields.put(entry.getKey(), entry.getValue().asText());
                }
            });
            return new Answer(fields, tables);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored answer is not JSON", e);
        }
    }

    private static List<Map<String, String>> rows(JsonNode array) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode item : array) {
            Map<String, String> row = new LinkedHashMap<>();
            item.fields().forEachRemaining(cell -> {
                if (!cell.getValue().isNull() && !cell.getValue().isContainerNode()) {
                    row.put(cell.getKey(), cell.getValue().asText());
                }
            });
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, String> cleanRow(Map<String, String> row) {
        Map<String, String> clean = new LinkedHashMap<>();
        row.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                clean.put(key, value.strip());
            }
        });
        return java.util.Collections.unmodifiableMap(clean);
    }
}
