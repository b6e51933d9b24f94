package org.rcm.requests.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint of the application without credentials: all must refuse (401, or 302/403 to a login),
 * except the explicit public list. A new controller that is not covered by the gate fails here.
 */
class EndpointSecurityIntegrationTest extends IntegrationTestBase {

    /** The only paths that answer without authentication (the reply page has its signed token). */
    private static final List<Pattern> PUBLIC = List.of(
            Pattern.compile("/reply(/.*)?"),
            Pattern.compile("/actuator/health(/liveness|/readiness)?"),
            // the start page (links only, no data) and the login page
            Pattern.compile("/"), Pattern.compile("/login"));
    private static final Set<Integer> REFUSED = Set.of(401, 403, 302);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    RequestJourney journey;

    record Call(String method, String path) {
    }

    @Test
    void everyEndpointRefusesAnonymousCallersExceptThePublicOnes() throws Exception {
        List<Call> calls = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add(RequestMethod.GET.name());
                methods.add(RequestMethod.POST.name());
            }
            for (String pattern : info.getPatternValues()) {
                for (String method : methods) {
                    calls.add(new Call(method, concrete(pattern)));
                }
            }
        });
        assertThat(calls).as("the application's own endpoints were found").extracting(Call::path)
                .contains("/api/requests", "/api/directory", "/api/mail/classify");
        for (String path : List.of("/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/user",
                "/engine-rest/deployment", "/actuator/metrics", "/actuator/info", "/actuator",
                "/actuator/metrics/jvm.memory.used", "/api/unknown", "/no-such-page", "/error",
                "/camunda/api/engine/engine/default/task", "/camunda/api/engine/engine/default/user",
                "/camunda/api/cockpit/plugin/base/default/process-definition/statistics")) {
            calls.add(new Call("GET", path));
        }
        calls.add(new Call("POST", "/engine-rest/process-definition/key/InteragencyRequest/start"));
        calls.add(new Call("POST", "/engine-rest/user/create"));

        List<String> open = new ArrayList<>();
        for (Call call : calls) {
            boolean isPublic = PUBLIC.stream().anyMatch(p -> p.matcher(call.path()).matches());
            int status = send(call.method(), call.path(), null).statusCode();
            if (!isPublic && !REFUSED.contains(status)) {
                open.add(call + " answered " + status);
            }
        }
        assertThat(open).as("endpoints answering without authentication").isEmpty();
    }

    @Test
    void thePublicPathsAnswer() throws Exception {
        assertThat(send("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/reply/not-a-token", null).statusCode()).as("reply page, bad token")
                .isNotIn(401, 403);
        HttpResponse<String> tasklist = HTTP.send(HttpRequest.newBuilder(url("/camunda/app/tasklist/default/"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.statusCode()).as("Tasklist sends a browser to the one login page").isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith("/login?next=/camunda/app/tasklist/default/"));
        assertThat(send("GET", "/login", null).statusCode()).as("the login page").isEqualTo(200);
    }

    @Test
    void actuatorBeyondHealthIsForAdmins() throws Exception {
        assertThat(send("GET", "/actuator/metrics", "admin").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/metrics", "officer1").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/directory", "delegate-hn").statusCode()).as("the API is the Secretariat's")
                .isEqualTo(403);
    }

    @Test
    void focalPointsAndCompiledAnswersAreTheSecretariatsOnly() throws Exception {
        String reference = journey.sent("Puntos focales (seguridad) " + UUID.randomUUID(), "MX");
        List<String> pages = List.of("/focal-points", "/registry/" + reference + "/answers",
                "/registry/" + reference + "/answers.csv", "/registry/" + reference + "/answers/print");
        for (String page : pages) {
            assertThat(send("GET", page, "officer1").statusCode()).as(page + " as officer1").isEqualTo(200);
            for (String user : new String[] {"delegate-mx", "owner1", "monitor"}) {
                HttpResponse<String> refused = send("GET", page, user);
                assertThat(refused.statusCode()).as(page + " as " + user).isEqualTo(403);
                assertThat(refused.body()).as(page + " as " + user).doesNotContain(reference);
            }
            HttpResponse<String> anonymous = send("GET", page, null);
            assertThat(anonymous.statusCode()).as(page + " without a login").isIn(302, 401);
            assertThat(anonymous.body()).doesNotContain(reference);
        }
    }

    @Test
    void apiResponsesCarrySecurityHeaders() throws Exception {
        for (String user : new String[] {null, "officer1"}) {
            HttpResponse<String> response = send("GET", "/api/directory", user);
            assertThat(response.statusCode()).isEqualTo(user == null ? 401 : 200);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
        // a browser answering a Basic challenge would keep the password and send it cross-site ever after
        for (String path : List.of("/api/directory", "/engine-rest/task", "/actuator/metrics",
                "/camunda/api/engine/engine/default/task")) {
            assertThat(send("GET", path, null).headers().allValues("WWW-Authenticate")).as("no challenge from " + path)
                    .noneMatch(value -> value.regionMatches(true, 0, "Basic", 0, 5));
        }
    }

    @Test
    void theWebappsKeepTheirOwnLoginAndCsrfProtection() throws Exception {
        String login = "/camunda/api/admin/auth/user/default/login/tasklist";

        String[] visit = tasklistVisit();
        assertThat(visit[1]).as("CSRF cookie XSRF-TOKEN issued by Tasklist").isNotBlank();
        HttpResponse<String> withToken = login(login, visit, true, "officer1", "demo");
        assertThat(withToken.statusCode()).as("Tasklist login with the CSRF token: " + withToken.body())
                .isEqualTo(200);
        assertThat(withToken.body()).contains("officer1").contains("tasklist");

        HttpResponse<String> withoutToken = login(login, tasklistVisit(), false, "officer1", "demo");
        assertThat(withoutToken.statusCode()).as("login without the CSRF token").isEqualTo(403);

        // an unknown user: a wrong password for a real one would lock it (the engine's login throttling)
        HttpResponse<String> unknown = login(login, tasklistVisit(), true, "no-such-user", "wrong");
        assertThat(unknown.statusCode()).as("unknown user").isIn(401, 403);
    }

    /** Opens Tasklist's login form as a browser would (it first asks who is logged in): {session id, CSRF token}. */
    private String[] tasklistVisit() throws Exception {
        HttpResponse<String> page = send("GET", "/camunda/api/admin/auth/user/default", null);
        List<String> cookies = page.headers().allValues("Set-Cookie");
        return new String[] {cookie(cookies, "JSESSIONID"), cookie(cookies, "XSRF-TOKEN")};
    }

    private HttpResponse<String> login(String path, String[] visit, boolean token, String user, String password)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + visit[0] + "; XSRF-TOKEN=" + visit[1]);
        if (token) {
            request.header("X-XSRF-TOKEN", visit[1]);
        }
        return HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                + password)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).map(c -> c.substring(name.length() + 1)
                .split(";", 2)[0]).findFirst().orElse("");
    }

    private static String concrete(String pattern) {
        return pattern.replace("/**", "/x").replaceAll("\\{[^}]*}", "1");
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(String method, String path, String user)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .method(method, "GET".equals(method) || "HEAD".equals(method) || "DELETE".equals(method)
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
