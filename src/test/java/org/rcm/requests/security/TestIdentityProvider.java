package org.rcm.requests.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OpenID Connect provider (Spring Authorization Server) in the test JVM, in a Spring context of its own: an
 * organization's identity provider, with one client ({@value #CLIENT_ID}) and three people whose id token and user
 * info carry {@code preferred_username}, {@code email}, {@code name} and the external {@code groups} the application
 * maps. People log in on Spring Security's default form ({@code username}, {@code password}); there is no consent
 * screen.
 * <p>
 * The issuer is {@code http://localhost:<port>}: use {@link #issuerUri()}, since the provider names itself after the
 * host it was asked by. The redirect URI given to {@link #start} is matched exactly, except that a loopback IP
 * ({@code http://127.0.0.1/login/oauth2/code/...}) matches any port (RFC 8252), for an application whose port is
 * known only after the provider started.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "interagency";
    public static final String CLIENT_SECRET = "interagency-secret";
    public static final String PASSWORD = "demo";
    /** Secretariat officer of the OIM. */
    public static final String SECRETARIAT_USER = "ana.oim";
    /** Troika delegate of Costa Rica. */
    public static final String TROIKA_USER = "carlos.cr";
    public static final String ADMIN_USER = "root.admin";

    static final String REDIRECT_URI_PROPERTY = "test-identity-provider.redirect-uri";

    /** Someone the organization's directory knows, with the groups its IdP sends. */
    record Person(String userName, String name, List<String> groups) {

        /** The claims of the id token and the user info (besides {@code sub}, which is the user name too). */
        Map<String, Object> claims() {
            return Map.of("preferred_username", userName, "email", userName + "@example.org", "name", name,
                    "groups", groups);
        }
    }

    static final List<Person> PEOPLE = List.of(
            new Person(SECRETARIAT_USER, "Ana Oim", List.of("CRM-Secretaria")),
            new Person(TROIKA_USER, "Carlos Cr", List.of("CRM-Troika", "CRM-Troika-CR")),
            new Person(ADMIN_USER, "Root Admin", List.of("CRM-Admin")));

    private final ConfigurableApplicationContext context;

    private TestIdentityProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static TestIdentityProvider start(String redirectUri) {
        return new TestIdentityProvider(new SpringApplicationBuilder(TestIdentityProviderConfig.class)
                .main(TestIdentityProvider.class)
                .web(WebApplicationType.SERVLET)
                .properties("server.port=0",
                        // no application.yaml of the application, nor the tests' config/application.yaml
                        "spring.config.name=test-identity-provider",
                        // cookies ignore ports: with the default JSESSIONID, logging in here would end the session
                        // of an application on the same host, and with it its pending authorization request
                        "server.servlet.session.cookie.name=TEST_IDP_SESSION",
                        "spring.main.banner-mode=off",
                        REDIRECT_URI_PROPERTY + "=" + redirectUri)
                .run());
    }

    static Person person(String userName) {
        return PEOPLE.stream().filter(p -> p.userName().equals(userName)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no test person " + userName));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
    }

    public String issuerUri() {
        return "http://localhost:" + port();
    }

    /** The Spring Boot properties of an application that logs in here as {@value #CLIENT_ID}. */
    public Map<String, String> clientProperties(String registrationId) {
        String registration = "spring.security.oauth2.client.registration." + registrationId + ".";
        String provider = "spring.security.oauth2.client.provider." + registrationId + ".";
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(registration + "client-id", CLIENT_ID);
        properties.put(registration + "client-secret", CLIENT_SECRET);
        properties.put(registration + "client-authentication-method", "client_secret_basic");
        properties.put(registration + "authorization-grant-type", "authorization_code");
        properties.put(registration + "scope", "openid,profile,email");
        properties.put(registration + "redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}");
        properties.put(registration + "client-name", "Test identity provider");
        properties.put(provider + "issuer-uri", issuerUri());
        properties.put(provider + "user-name-attribute", "preferred_username");
        return properties;
    }

    @Override
    public void close() {
        context.close();
    }
}
