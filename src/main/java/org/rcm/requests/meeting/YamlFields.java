package org.rcm.requests.meeting;

import static org.rcm.requests.meeting.MeetingFileException.at;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The keys of one YAML mapping, checked against the keys allowed and required there; each problem is added to the
 * shared list with its line, so that one pass reports them all.
 */
final class YamlFields {

    private final Map<String, Node> values = new LinkedHashMap<>();
    private final List<String> problems;
    private final int line;

    private YamlFields(int line, List<String> problems) {
        this.line = line;
        this.problems = problems;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** The mapping's fields, or empty (with the problem recorded) when {@code node} is not a mapping. */
    static Optional<YamlFields> of(Node node, String where, List<String> allowed, List<String> required,
                                   List<String> problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(at(line(node), "'" + where + "' debe ser un mapa de claves (clave: valor)",
                    "'" + where + "' must be a mapping (key: value)"));
            return Optional.empty();
        }
        YamlFields fields = new YamlFields(line(node), problems);
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = keyNode instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(keyNode);
            if (!allowed.contains(key)) {
                problems.add(at(line(keyNode), "clave desconocida '" + key + "' en '" + where + "' (admitidas: "
                        + String.join(", ", allowed) + ")", "unknown key '" + key + "' in '" + where + "' (allowed: "
                        + String.join(", ", allowed) + ")"));
            } else if (fields.values.containsKey(key)) {
                problems.add(at(line(keyNode), "clave repetida '" + key + "'", "duplicate key '" + key + "'"));
            } else {
                fields.values.put(key, tuple.getValueNode());
            }
        }
        for (String key : required) {
            if (!fields.values.containsKey(key)) {
                problems.add(at(fields.line, "falta la clave '" + key + "' en '" + where + "'",
                        "missing key '" + key + "' in '" + where + "'"));
            }
        }
        return Optional.of(fields);
    }

    int line() {
        return line;
    }

    int line(String key) {
        Node node = values.get(key);
        return node == null ? line : line(node);
    }

    Optional<Node> node(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The trimmed text, or {@code null} when the key is absent or empty; a list or mapping is a problem. */
    String optional(String key) {
        Node node = values.get(key);
        if (node == null) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            problems.add(at(line(node), "'" + key + "' debe ser un texto", "'" + key + "' must be a text"));
            return null;
        }
        String text = Tag.NULL.equals(scalar.getTag()) ? "" : scalar.getValue().trim();
        return text.isEmpty() ? null : text;
    }

    /** The trimmed text of a key that must have one (its absence is reported by {@link #of}). */
    String required(String key, int maxLength) {
        String text = optional(key);
        if (text == null && values.get(key) instanceof ScalarNode) {
            problems.add(at(line(key), "'" + key + "' está vacío", "'" + key + "' is empty"));
        } else if (text != null && text.length() > maxLength) {
            problems.add(at(line(key), "'" + key + "' admite hasta " + maxLength + " caracteres (tiene "
                    + text.length() + ")", "'" + key + "' is limited to " + maxLength + " characters (has "
                    + text.length() + ")"));
        }
        return text;
    }

    /** A {@code YYYY-MM-DD} date, or {@code null} when absent or wrong (then a problem is recorded). */
    LocalDate date(String key) {
        String text = optional(key);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(at(line(key), "fecha no válida " + text + " (use AAAA-MM-DD)",
                    "invalid date " + text + " (use YYYY-MM-DD)"));
            return null;
        }
    }
}
