package org.rcm.requests.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.meeting.MeetingImportIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attacks on the gate, each through the paths a browser or a script has, each checked where its effect would show
 * (a meeting imported, a request started, a user created), not only by the status code.
 */
class GateAttacksIntegrationTest extends IntegrationTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** Every prefix that needs a login, and the ways of writing a path that do not say what they mean. */
    private static final List<String> PROTECTED = List.of("/api/requests", "/registry", "/meetings", "/statistics",
            "/inbox", "/actuator/metrics", "/engine-rest/task", "/camunda/app/cockpit/default", "/camunda/api/engine");
    private static final List<String> TRICKS = List.of("/%2e%2e/reply/x", "/..%2freply", "%2f..%2freply",
            ";jsessionid=x", "/x;y=z/..", "//x", "/.", "/..", "/./x", "/%2E", "/x%2F..%2F..%2Freply", "/x%252e%252e");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identity;

    @Test
    void pathsThatAreNotNormalizedAreRefusedOnEveryProtectedPrefix() throws Exception {
        List<String> answered = new ArrayList<>();
        for (String prefix : PROTECTED) {
            for (String trick : TRICKS) {
                for (String user : new String[] {null, "admin"}) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + prefix + trick));
                    if (user != null) {
                        request.header("Authorization", basic(user, "demo"));
                    }
                    int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 400) {
                        answered.add(prefix + trick + (user == null ? "" : " as " + user) + " -> " + status);
                    }
                }
            }
        }
        assertThat(answered).as("paths with dot segments, encoded slashes, ';' or '//' that were not refused")
                .isEmpty();
    }

    @Test
    void crossSiteSimplePostsWithCachedBasicCredentialsChangeNothing() throws Exception {
        String id = MeetingImportIntegrationTest.uniqueId();
        String meeting = MeetingImportIntegrationTest.meetingFile(id, "");
        long requests = count("request");

        // what a page of another site can send in the name of a browser that holds officer1's Basic credentials
        assertThat(post("/api/meetings", "text/plain", meeting).statusCode()).as("text/plain import").isEqualTo(403);
        assertThat(post("/api/requests", "text/plain", "{\"subject\":\"Forged\",\"body\":\"x\",\"recipients\":"
                + "[\"IOM\"],\"replyDue\":\"2030-01-01\"}").statusCode()).as("text/plain request").isEqualTo(403);
        assertThat(post("/api/requests", "application/x-www-form-urlencoded", "subject=Forged").statusCode())
                .as("form-encoded request").isEqualTo(403);
        assertThat(post("/api/inbox/1/retry", null, "").statusCode()).as("body-less retry").isEqualTo(403);
        assertThat(upload("/meetings", meeting).statusCode()).as("multipart upload to the meetings page")
                .isEqualTo(403);

        assertThat(jdbc.sql("select count(*) from meeting where id = ?").param(id).query(Long.class).single())
                .as("no meeting imported").isZero();
        assertThat(count("request")).as("no request started").isEqualTo(requests);

        // a script says what it sends: the same credentials with a content type no other site can send
        HttpResponse<String> yaml = post("/api/meetings", "application/yaml", meeting);
        assertThat(yaml.statusCode()).as("a script's import: " + yaml.body()).isEqualTo(201);
    }

    @Test
    void aLoggedInBrowserCannotBeMadeToWriteWithoutThePageToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=officer1&password=demo&_csrf="
                        + URLEncoder.encode(token(loginPage), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("logged in").isEqualTo(302);
        long requests = count("request");

        for (String path : List.of("/api/requests", "/engine-rest/process-definition/key/InteragencyRequest/start")) {
            HttpResponse<String> json = browser.send(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"subject\":\"Forged\",\"body\":\"x\",\"recipients\":[\"IOM\"],"
                                    + "\"replyDue\":\"2030-01-01\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(json.statusCode()).as("session write without the token to " + path).isEqualTo(403);
        }
        assertThat(count("request")).as("no request started").isEqualTo(requests);
    }

    @Test
    void camundasFirstAdminSetupIsClosedOnceAnyUserExists() throws Exception {
        // with the webapps' own session and CSRF token, so that only the gate can refuse it
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> visit = browser.send(HttpRequest.newBuilder(URI.create(base()
                + "/camunda/api/admin/auth/user/default")).build(), HttpResponse.BodyHandlers.ofString());
        String xsrf = visit.headers().firstValue("X-XSRF-TOKEN").orElse("");
        HttpResponse<String> setup = browser.send(HttpRequest.newBuilder(URI.create(base()
                        + "/camunda/api/admin/setup/default/user/create"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\","
                        + "\"lastName\":\"N\",\"email\":\"i@example.org\"},\"credentials\":{\"password\":\"Intruder1!\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(setup.statusCode()).as("first-admin setup").isEqualTo(403);
        assertThat(identity.createUserQuery().userId("intruder").count()).as("no user created").isZero();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", basic("officer1", "demo"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String path, String yaml) throws Exception {
        String boundary = "----attack" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.yaml\"\r\n"
                + "Content-Type: application/yaml\r\n\r\n" + yaml + "\r\n--" + boundary + "--\r\n";
        return post(path, "multipart/form-data; boundary=" + boundary, body);
    }

    private static String token(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("form token on the page").isTrue();
        return matcher.group(1);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
