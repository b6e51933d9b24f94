package org.rcm.requests.task;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the fields a Camunda Form (the JSON of a {@code .form} file) declares, by variable name. */
final class FormFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormFields() {
    }

    static Map<String, FormField> read(InputStream form) throws IOException {
        Map<String, FormField> fields = new LinkedHashMap<>();
        collect(JSON.readTree(form).path("components"), fields);
        return fields;
    }

    private static void collect(JsonNode components, Map<String, FormField> fields) {
        for (JsonNode component : components) {
            // a dynamic list binds a list of rows to its path
            String key = component.hasNonNull("key") ? component.get("key").asText()
                    : component.path("type").asText().equals("dynamiclist") ? component.path("path").asText(null)
                    : null;
            if (key != null && !key.isBlank()) {
                boolean editable = !component.path("disabled").asBoolean(false)
                        && !component.path("readonly").asBoolean(false);
                Set<String> options = new LinkedHashSet<>();
                component.path("values").forEach(option -> options.add(option.path("value").asText()));
                fields.put(key, new FormField(key, component.path("type").asText(), editable, options,
                        component.path("validate").path("maxLength").asInt(0)));
            }
            // a dynamic list's own fields are the columns of its rows, not variables of their own
            if (!component.path("type").asText().equals("dynamiclist")) {
                collect(component.path("components"), fields);
            }
        }
    }
}
