package org.rcm.requests.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rcm.requests.Actuator;
import org.rcm.requests.IntegrationTestBase;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Prometheus endpoint as a scraper and as an attacker meet it: only {@code camunda-admin} and the group
 * {@code monitoring} read it, a monitor reads nothing else, a scrape opens no session; and it serves exactly the
 * meters that docs/operations.md documents, with their types and tags, and the alert rules there name only those.
 */
class MetricsDocumentationIntegrationTest extends IntegrationTestBase {

    private static final Path DOC = Path.of("docs/operations.md");
    /** A row of the meter table: | `app.x` | `app_x` | type | tags | what |. */
    private static final Pattern ROW = Pattern.compile(
            "^\\| `(app\\.[a-z.]+)` \\| `(app_[a-z_]+)` \\| (gauge|counter|histogram) \\|([^|]*)\\|.*$",
            Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile("^# TYPE (app_[a-z_]+) (\\w+)$", Pattern.MULTILINE);

    @LocalServerPort
    int port;

    record Documented(String type, Set<String> tags) {
    }

    @Test
    void onlyAdminsAndMonitorsScrape() {
        Actuator actuator = new Actuator(port);
        String path = "/actuator/prometheus";

        assertThat(actuator.get(path, null).statusCode()).as("anonymous scrape").isEqualTo(401);
        assertThat(actuator.get(path, "monitor", "wrong").statusCode()).as("monitor, wrong password").isEqualTo(401);
        for (String user : new String[] {"officer1", "delegate-hn", "owner1"}) {
            assertThat(actuator.get(path, user).statusCode()).as("scrape by " + user).isEqualTo(403);
        }
        assertThat(actuator.get(path, "admin").statusCode()).as("scrape by admin").isEqualTo(200);

        HttpResponse<String> scrape = actuator.get(path, "monitor");
        assertThat(scrape.statusCode()).as("scrape by monitor").isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(scrape.headers().allValues("Set-Cookie")).as("session cookies given to the scraper").isEmpty();
        for (String other : new String[] {"/actuator/metrics", "/actuator/metrics/app.requests", "/actuator/env",
            "/actuator/beans", "/api/requests", "/registry"}) {
            assertThat(actuator.get(other, "monitor").statusCode()).as("monitor on " + other).isEqualTo(403);
        }
        assertThat(actuator.health("/actuator/health")).as("health as admin").containsKey("components");
        assertThat(actuator.get("/actuator/health", "monitor").body()).as("health details shown to a monitor")
                .doesNotContain("components");
        assertThat(actuator.get("/actuator/health", null).body()).as("health details shown to anyone")
                .doesNotContain("components");
    }

    @Test
    void theEndpointServesTheDocumentedMetersAndNoOthers() throws Exception {
        String doc = Files.readString(DOC);
        Map<String, Documented> documented = new LinkedHashMap<>();
        Matcher row = ROW.matcher(doc);
        while (row.find()) {
            assertThat(row.group(2)).as("Prometheus name of " + row.group(1)).startsWith(row.group(1)
                    .replace('.', '_'));
            Set<String> tags = new TreeSet<>();
            Matcher tag = Pattern.compile("`(\\w+)`").matcher(row.group(4));
            while (tag.find()) {
                tags.add(tag.group(1));
            }
            documented.put(row.group(2), new Documented(row.group(3), tags));
        }
        assertThat(documented).as("meters documented in " + DOC).hasSizeGreaterThanOrEqualTo(15);

        String scrape = new Actuator(port).get("/actuator/prometheus", "monitor").body();
        Map<String, String> served = new LinkedHashMap<>();
        Matcher type = TYPE.matcher(scrape);
        while (type.find()) {
            served.put(type.group(1), type.group(2));
        }

        documented.forEach((name, meter) -> {
            assertThat(served).as("served meters").containsKey(name);
            assertThat(served.get(name)).as("type of " + name).isEqualTo(meter.type());
            assertThat(labels(scrape, name)).as("tags of " + name).isEqualTo(meter.tags());
        });
        assertThat(served.keySet()).as("served app_ meters that " + DOC + " does not document")
                .allMatch(name -> documented.containsKey(name) || name.endsWith("_max")
                        && "histogram".equals(documented.getOrDefault(name.substring(0, name.length() - 4),
                                new Documented("", Set.of())).type()));

        Matcher alert = Pattern.compile("\\b(app_[a-z_]+)").matcher(doc.substring(doc.indexOf("### Suggested alert"),
                doc.indexOf("### Logs")));
        while (alert.find()) {
            String name = alert.group(1).replaceAll("_(bucket|count|sum)$", "");
            assertThat(documented).as("meter named in the alert rules and notes").containsKey(name);
        }
    }

    /** The label names of a meter's samples ({@code le} of a histogram's buckets aside). */
    private static Set<String> labels(String scrape, String name) {
        Set<String> labels = new TreeSet<>();
        Matcher sample = Pattern.compile("^" + name + "(?:_bucket|_count|_sum)?\\{([^}]*)}", Pattern.MULTILINE)
                .matcher(scrape);
        while (sample.find()) {
            Matcher label = Pattern.compile("(\\w+)=\"").matcher(sample.group(1));
            while (label.find()) {
                if (!"le".equals(label.group(1))) {
                    labels.add(label.group(1));
                }
            }
        }
        return labels;
    }
}
