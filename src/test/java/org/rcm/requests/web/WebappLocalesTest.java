package org.rcm.requests.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Spanish of Camunda's webapps: every key of the English locale that the webapp jar ships has Spanish text with
 * the same placeholders, and every app offers Spanish. Run per app, so that a missing file names its app.
 * <p>
 * The English comes from the webjar itself, not from this application's override directory, which has the same
 * path: a Camunda upgrade that adds keys fails here until they are translated.
 */
class WebappLocalesTest {

    private static final String WEBJAR = "camunda-webapp-webjar";
    private static final String APP_PATH = "META-INF/resources/webjars/camunda/app/";
    private static final Path OVERRIDES = Path.of("src/main/resources").resolve(APP_PATH);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
    private static final Pattern AVAILABLE_LOCALES = Pattern.compile("availableLocales\\s*:\\s*\\[([^\\]]*)]");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void spanishHasTextForEveryKeyOfTheShippedEnglish(String app) throws IOException {
        Map<String, JsonNode> english = leaves(shippedEnglish(app));
        Path spanishFile = OVERRIDES.resolve(app + "/locales/es.json");
        assertThat(spanishFile).as("%s: the Spanish locale", app).exists();
        Map<String, JsonNode> spanish = leaves(json.readTree(spanishFile.toFile()));

        List<String> lacking = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        List<String> otherPlaceholders = new ArrayList<>();
        english.forEach((key, en) -> {
            JsonNode es = spanish.get(key);
            if (es == null || es.getNodeType() != en.getNodeType() || es.size() != en.size()) {
                lacking.add(key);
            } else if (en.isTextual() && !en.asText().isBlank() && es.asText().isBlank()) {
                empty.add(key);
            } else if (en.isTextual() && !placeholders(en.asText()).equals(placeholders(es.asText()))) {
                otherPlaceholders.add(key + " (en " + placeholders(en.asText()) + ", es "
                        + placeholders(es.asText()) + ")");
            }
        });

        assertThat(lacking.size() + empty.size() + otherPlaceholders.size())
                .withFailMessage("%s: es.json against Camunda's en.json (%d keys):%s%s%s", app, english.size(),
                        listed("lacking", lacking), listed("empty", empty),
                        listed("other placeholders", otherPlaceholders))
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void configOffersSpanish(String app) throws IOException {
        Path config = OVERRIDES.resolve(app + "/scripts/config.js");
        assertThat(config).as("%s: the application's config.js", app).exists();
        // Camunda's default config.js has a commented-out example with ["en", "de"]: read only the live lines
        String live = Files.readAllLines(config, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.strip().startsWith("//") && !line.strip().startsWith("*"))
                .collect(Collectors.joining("\n"));
        Matcher locales = AVAILABLE_LOCALES.matcher(live);
        assertThat(locales.find()).as("%s: config.js sets locales.availableLocales", app).isTrue();
        assertThat(locales.group(1)).as("%s: the available locales", app).containsPattern("['\"]es['\"]");
    }

    /** en.json as the webapp jar ships it (the application's override directory has the same path). */
    private JsonNode shippedEnglish(String app) throws IOException {
        String path = APP_PATH + app + "/locales/en.json";
        for (URL url : Collections.list(getClass().getClassLoader().getResources(path))) {
            if ("jar".equals(url.getProtocol()) && url.getPath().contains(WEBJAR)) {
                // Jackson skips the byte order mark that Camunda's files start with
                try (InputStream in = url.openStream()) {
                    return json.readTree(in);
                }
            }
        }
        throw new AssertionError(app + ": no " + path + " in " + WEBJAR + " on the test classpath");
    }

    /** Every value that is not an object, by its dotted path ("labels.CLAIM_TASK", "dateLocales.months"). */
    private static Map<String, JsonNode> leaves(JsonNode node) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        collect("", node, leaves);
        return leaves;
    }

    private static void collect(String prefix, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            node.properties().forEach(field -> collect(prefix + field.getKey() + ".", field.getValue(), leaves));
        } else {
            leaves.put(prefix.substring(0, prefix.length() - 1), node);
        }
    }

    /** The names in {{...}}, sorted: "{{ name }}" and "{{name}}" are the same placeholder to angular-translate. */
    private static List<String> placeholders(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        Collections.sort(names);
        return names;
    }

    private static String listed(String what, List<String> keys) {
        return keys.isEmpty() ? "" : "\n  " + what + " (" + keys.size() + "): " + String.join(", ", keys);
    }
}
