package org.rcm.requests.web;

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
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One login for the Secretariat pages and the Camunda webapps, as a browser does it (cookies, form, token). */
class LoginIntegrationTest extends IntegrationTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    /** A browser: keeps cookies, does not follow redirects, asks for HTML. */
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aBrowserWithoutLoginIsSentToTheLoginPageAndBack() throws Exception {
        HttpResponse<String> page = get("/registry?state=DRAFTING");
        assertThat(page.statusCode()).as("redirect to the login page").isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).as("login page remembering the page asked for")
                .hasValueSatisfying(location -> assertThat(location)
                        .endsWith("/login?next=/registry?state%3DDRAFTING"));

        HttpResponse<String> form = get("/login?next=/registry");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(get("/css/pages.css").statusCode()).as("the login page's stylesheet, before any login")
                .isEqualTo(200);
        assertThat(form.body()).as("Spanish by default").contains("Iniciar sesión").contains("name=\"next\"");

        HttpResponse<String> login = post("/login", Map.of("username", "officer1", "password", "demo",
                "next", "/registry", "_csrf", token(form.body())));
        assertThat(login.statusCode()).as("logged in: " + login.body()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/registry"));

        assertThat(api("/api/directory").statusCode()).as("the session opens the application").isEqualTo(200);
        HttpResponse<String> webapps = api("/camunda/api/admin/auth/user/default");
        assertThat(webapps.statusCode()).as("the same session is logged into the Camunda webapps").isEqualTo(200);
        assertThat(webapps.body()).contains("officer1");
    }

    @Test
    void aWrongPasswordOrAnExpiredFormDoesNotLogIn() throws Exception {
        String token = token(get("/login").body());
        // an unknown user: a wrong password for a real one would lock it (the engine's login throttling)
        HttpResponse<String> wrong = post("/login", Map.of("username", "nobody", "password", "x", "_csrf", token));
        assertThat(wrong.statusCode()).as("back to the form").isEqualTo(302);
        assertThat(get(location(wrong)).body()).as("error shown").contains("Usuario o contraseña incorrectos");

        HttpResponse<String> noToken = post("/login", Map.of("username", "officer1", "password", "demo"));
        assertThat(noToken.statusCode()).as("back to the form").isEqualTo(302);
        assertThat(get(location(noToken)).body()).as("a form without the session's token is refused")
                .contains("caducó");
        assertThat(api("/api/directory").statusCode()).as("still not logged in").isEqualTo(401);
    }

    @Test
    void afterLoginOnlyLocalPathsAreFollowed() throws Exception {
        String token = token(get("/login").body());
        HttpResponse<String> login = post("/login", Map.of("username", "officer1", "password", "demo",
                "next", "https://evil.example/", "_csrf", token));
        assertThat(login.headers().firstValue("Location")).as("no open redirect")
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("evil").endsWith("/registry"));
    }

    @Test
    void formsPostedWithTheSessionNeedItsTokenAndLogoutEndsTheSession() throws Exception {
        String token = token(get("/login").body());
        post("/login", Map.of("username", "officer1", "password", "demo", "_csrf", token));
        String sessionToken = token(get("/").body());

        HttpResponse<String> forged = post("/logout", Map.of());
        assertThat(forged.statusCode()).as("a post without the token (cross-site)").isEqualTo(403);
        assertThat(api("/api/directory").statusCode()).as("still logged in").isEqualTo(200);

        HttpResponse<String> logout = post("/logout", Map.of("_csrf", sessionToken));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(api("/api/directory").statusCode()).as("logged out").isEqualTo(401);
    }

    @Test
    void withoutAPageAskedForEachUserStartsWhereTheirWorkIs() throws Exception {
        HttpResponse<String> delegate = post("/login", Map.of("username", "delegate-mx", "password", "demo",
                "_csrf", token(get("/login").body())));
        assertThat(delegate.headers().firstValue("Location")).as("a Troika delegate: Tasklist, not a refused page")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/camunda/app/tasklist/default/"));
        post("/logout", Map.of("_csrf", token(get("/").body())));
        HttpResponse<String> officer = post("/login", Map.of("username", "officer2", "password", "demo",
                "_csrf", token(get("/login").body())));
        assertThat(officer.headers().firstValue("Location")).as("an officer: the registry")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/registry"));
    }

    @Test
    void tasklistsLogOutEndsTheOneSessionAndItsLoginFormOpensItAgain() throws Exception {
        String token = token(get("/login").body());
        post("/login", Map.of("username", "officer1", "password", "demo", "_csrf", token));
        HttpResponse<String> tasklist = api("/camunda/api/admin/auth/user/default");
        assertThat(tasklist.body()).as("Tasklist sees the pages' login").contains("officer1");
        String xsrf = tasklist.headers().firstValue("X-XSRF-TOKEN").orElseThrow();

        HttpResponse<String> logout = webappsPost("/camunda/api/admin/auth/user/default/logout", xsrf, "");
        assertThat(logout.statusCode()).as("Tasklist's log out").isEqualTo(200);
        assertThat(api("/api/directory").statusCode()).as("the pages are logged out too").isEqualTo(401);
        // Tasklist then shows its own login form: it asks who is logged in (nobody; a new session and token)
        HttpResponse<String> nobody = api("/camunda/api/admin/auth/user/default");
        assertThat(nobody.statusCode()).as("and Tasklist").isEqualTo(404);
        String freshXsrf = nobody.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<String> wrong = webappsPost("/camunda/api/admin/auth/user/default/login/tasklist", freshXsrf,
                "username=officer2&password=wrong");
        assertThat(wrong.statusCode()).as("a wrong password in Tasklist's form").isEqualTo(401);
        HttpResponse<String> login = webappsPost("/camunda/api/admin/auth/user/default/login/cockpit", freshXsrf,
                "username=officer2&password=demo");
        assertThat(login.statusCode()).as("Tasklist's own login form: " + login.body()).isEqualTo(200);
        assertThat(login.body()).contains("\"userId\":\"officer2\"").contains("cockpit");
        assertThat(api("/api/directory").statusCode()).as("which opens the pages too").isEqualTo(200);
        assertThat(api("/camunda/api/engine/engine/default/task/count").statusCode()).as("and the engine's API")
                .isEqualTo(200);
        HttpResponse<String> forbiddenApp = webappsPost("/camunda/api/admin/auth/user/default/login/admin",
                freshXsrf, "username=officer2&password=demo");
        assertThat(forbiddenApp.statusCode()).as("an app the user may not use").isEqualTo(403);
    }

    @Test
    void theStartPageLinksEveryPlaceOfWorkInTheBrowsersLanguage() throws Exception {
        HttpResponse<String> english = send(HttpRequest.newBuilder(uri("/")).header("Accept", "text/html")
                .header("Accept-Language", "en-GB,en;q=0.9").GET().build());
        assertThat(english.body()).contains("Inter-agency Requests").contains("/registry").contains("/meetings")
                .contains("/statistics").contains("/camunda/app/tasklist/").contains("/camunda/app/cockpit/");
        assertThat(get("/?lang=es").body()).as("switched to Spanish").contains("Solicitudes interinstitucionales");
        assertThat(english.headers().firstValue("Content-Security-Policy")).as("no inline scripts")
                .hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'"));
    }

    private static String token(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("the page carries the session's form token").isTrue();
        return matcher.group(1);
    }

    /** The path a redirect leads to, without scheme and host. */
    private static String location(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return URI.create(location).getRawPath() + "?" + URI.create(location).getRawQuery();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml").GET()
                .build());
    }

    private HttpResponse<String> api(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        String form = fields.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** A post of the webapps' frontend: form-encoded, with their CSRF header. */
    private HttpResponse<String> webappsPost(String path, String xsrf, String form) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
