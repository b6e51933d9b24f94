package org.rcm.requests.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The fixture is a working OpenID Connect provider: discovery, then the authorization code flow as a browser and an
 * application would go through it, by plain HTTP (redirects read, not followed: the redirect URI has no server).
 */
class TestIdentityProviderTest {

    private static final String REDIRECT_URI = "http://localhost:1/login/oauth2/code/test";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestIdentityProvider provider;

    @BeforeAll
    static void startProvider() {
        provider = TestIdentityProvider.start(REDIRECT_URI);
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @Test
    void discoveryNamesTheIssuer() throws Exception {
        HttpResponse<String> response = client().send(
                get(provider.issuerUri() + "/.well-known/openid-configuration"), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("discovery status").isEqualTo(200);
        JsonNode configuration = JSON.readTree(response.body());
        assertThat(configuration.path("issuer").asText()).as("issuer").isEqualTo(provider.issuerUri());
        assertThat(configuration.path("authorization_endpoint").asText()).as("authorization endpoint")
                .isEqualTo(provider.issuerUri() + "/oauth2/authorize");
    }

    @Test
    void theIdTokenCarriesTheUserNameAndGroups() throws Exception {
        JsonNode idToken = payload(tokens(TestIdentityProvider.TROIKA_USER).path("id_token").asText());

        assertThat(idToken.path("iss").asText()).as("issuer of the id token").isEqualTo(provider.issuerUri());
        assertThat(idToken.path("nonce").asText()).as("nonce of the id token").isEqualTo("n-1");
        assertThat(idToken.path("preferred_username").asText()).as("preferred_username").isEqualTo("carlos.cr");
        assertThat(idToken.path("email").asText()).as("email").isEqualTo("carlos.cr@example.org");
        assertThat(texts(idToken.path("groups"))).as("groups of the id token")
                .containsExactly("CRM-Troika", "CRM-Troika-CR");
    }

    /** Spring's OIDC client asks the user info endpoint too when the scopes include profile or email. */
    @Test
    void theUserInfoCarriesTheUserNameAndGroups() throws Exception {
        String accessToken = tokens(TestIdentityProvider.SECRETARIAT_USER).path("access_token").asText();

        HttpResponse<String> response = client().send(HttpRequest.newBuilder(
                        URI.create(provider.issuerUri() + "/userinfo")).header("Authorization", "Bearer " + accessToken)
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("user info status: " + response.body()).isEqualTo(200);
        JsonNode info = JSON.readTree(response.body());
        assertThat(info.path("sub").asText()).as("sub of the user info").isEqualTo("ana.oim");
        assertThat(info.path("preferred_username").asText()).as("preferred_username").isEqualTo("ana.oim");
        assertThat(texts(info.path("groups"))).as("groups of the user info").containsExactly("CRM-Secretaria");
    }

    @Test
    void aWrongPasswordGivesNoCode() throws Exception {
        HttpClient browser = client();
        String location = logIn(browser, provider, REDIRECT_URI, TestIdentityProvider.TROIKA_USER, "wrong");

        assertThat(location).as("where a wrong password leads").endsWith("/login?error");
    }

    /** What an application started after the provider needs: its port is unknown when the client is registered. */
    @Test
    void aLoopbackRedirectUriMatchesAnyPort() throws Exception {
        try (TestIdentityProvider loopback = TestIdentityProvider.start("http://127.0.0.1/login/oauth2/code/test")) {
            String code = authorizationCode(client(), loopback, "http://127.0.0.1:4711/login/oauth2/code/test",
                    TestIdentityProvider.SECRETARIAT_USER, TestIdentityProvider.PASSWORD);

            assertThat(code).as("code for a loopback redirect URI with a port").isNotBlank();
        }
    }

    /** Logs in at the authorization endpoint as a browser would; the location the login form sends to. */
    private static String logIn(HttpClient browser, TestIdentityProvider idp, String redirectUri, String user,
            String password) throws Exception {
        String authorize = UriComponentsBuilder.fromUriString(idp.issuerUri() + "/oauth2/authorize")
                .queryParam("response_type", "code").queryParam("client_id", TestIdentityProvider.CLIENT_ID)
                .queryParam("scope", "openid profile email").queryParam("redirect_uri", redirectUri)
                .queryParam("state", "s-1").queryParam("nonce", "n-1").encode().toUriString();
        HttpResponse<String> toLogin = browser.send(get(authorize), HttpResponse.BodyHandlers.ofString());
        assertThat(location(toLogin)).as("authorization endpoint sends to the login form")
                .isEqualTo(idp.issuerUri() + "/login");

        Document form = Jsoup.parse(browser.send(get(location(toLogin)), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(form.select("input[name=username], input[name=password]")).as("login form fields").hasSize(2);
        String login = form(Map.of("username", user, "password", password,
                "_csrf", form.select("input[name=_csrf]").val()));
        return location(browser.send(HttpRequest.newBuilder(URI.create(idp.issuerUri() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(login)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static String authorizationCode(HttpClient browser, TestIdentityProvider idp, String redirectUri,
            String user, String password) throws Exception {
        String backToAuthorize = logIn(browser, idp, redirectUri, user, password);
        assertThat(backToAuthorize).as("after login, back to the authorization endpoint")
                .startsWith(idp.issuerUri() + "/oauth2/authorize");
        String toClient = location(browser.send(get(backToAuthorize), HttpResponse.BodyHandlers.ofString()));
        assertThat(toClient).as("redirect to the client without consent").startsWith(redirectUri + "?");
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUriString(toClient).build().getQueryParams();
        assertThat(query.get("state")).as("state returned").containsExactly("s-1");
        assertThat(query.get("code")).as("code returned").hasSize(1);
        return query.getFirst("code");
    }

    /** The user's login, then the client's back-channel request, authenticated with client_secret_basic. */
    private static JsonNode tokens(String user) throws Exception {
        String code = authorizationCode(client(), provider, REDIRECT_URI, user, TestIdentityProvider.PASSWORD);
        String basic = Base64.getEncoder().encodeToString((TestIdentityProvider.CLIENT_ID + ":"
                + TestIdentityProvider.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = client().send(HttpRequest.newBuilder(URI.create(provider.issuerUri()
                        + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", code, "redirect_uri", REDIRECT_URI))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("token endpoint: " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode payload(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        assertThat(parts).as("a signed JWT has three parts").hasSize(3);
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("a JSON array: " + array).isTrue();
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static String location(HttpResponse<?> response) {
        assertThat(response.statusCode()).as("redirect from " + response.uri()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).GET().build();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** A browser without redirects: one cookie jar, so the login is remembered between requests. */
    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
