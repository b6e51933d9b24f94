package org.rcm.requests.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.request.RequestProcess.Elements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist in the user's language, through the webapps' own API as Tasklist calls it: task names, form labels and
 * options, filter names in Spanish (what is stored) or English (what the models carry beside it), never both.
 */
class TasklistLanguageIntegrationTest extends IntegrationTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @LocalServerPort
    int port;
    @Autowired
    RequestJourney journey;

    private Task approval;

    @BeforeEach
    void aDelegateWithAnApproval() throws Exception {
        String reference = journey.toApproval("Idioma de Tasklist", "IOM");
        approval = journey.onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-mx");
        String form = get("/login", "es").body();
        Matcher token = CSRF.matcher(form);
        assertThat(token.find()).isTrue();
        browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=delegate-mx&password=demo&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        get("/camunda/app/tasklist/default/", "es"); // Tasklist's page: the webapps' session
    }

    @Test
    void taskNamesAreSpanishAndEnglishForAnEnglishBrowser() throws Exception {
        String path = "/camunda/api/engine/engine/default/task/" + approval.getId();
        assertThat(json(path, "es-419,es;q=0.9").path("name").asText()).startsWith("Aprobar solicitud · ");
        String english = json(path, "en-GB,en;q=0.9").path("name").asText();
        assertThat(english).startsWith("Approve request · ").endsWith(" · MX");
    }

    @Test
    void formLabelsAndOptionsAreInOneLanguageEach() throws Exception {
        String path = "/camunda/api/engine/engine/default/task/" + approval.getId() + "/deployed-form";
        String spanish = get(path, "es").body();
        String english = get(path, "en").body();
        assertThat(spanish).contains("\"Decisión\"").contains("\"Aprobar\"").doesNotContain(" / Approve")
                .doesNotContain("\"label\":\"Decision\"");
        JsonNode decision = component(JSON.readTree(english), "decision");
        assertThat(decision.path("label").asText()).isEqualTo("Decision");
        assertThat(decision.path("values").get(0).path("label").asText()).isEqualTo("Approve");
        assertThat(decision.path("values").get(0).path("value").asText()).as("the value sent back is unchanged")
                .isEqualTo("approve");
    }

    @Test
    void theFirstFilterIsMyTasksAndMyGroupsTasksInTheUsersLanguage() throws Exception {
        String path = "/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true";
        JsonNode spanish = json(path, "es");
        JsonNode english = json(path, "en");
        assertThat(names(spanish)).contains(DefaultTaskFilters.MINE_AND_GROUPS, DefaultTaskFilters.MINE);
        assertThat(names(english)).contains("My tasks and my groups' tasks", "My tasks");
        for (JsonNode filter : spanish) {
            if (filter.path("name").asText().equals(DefaultTaskFilters.MINE_AND_GROUPS)) {
                assertThat(filter.path("itemCount").asInt()).as("the delegate's approvals, counted").isPositive();
            }
        }
    }

    private static java.util.List<String> names(JsonNode filters) {
        java.util.List<String> names = new java.util.ArrayList<>();
        filters.forEach(filter -> names.add(filter.path("name").asText()));
        return names;
    }

    private static JsonNode component(JsonNode form, String key) {
        for (JsonNode component : form.path("components")) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
        }
        throw new AssertionError("no field " + key);
    }

    private JsonNode json(String path, String language) throws Exception {
        HttpResponse<String> response = get(path, language);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String language) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept-Language", language)
                .header("Accept", "application/json, text/plain, */*").build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
