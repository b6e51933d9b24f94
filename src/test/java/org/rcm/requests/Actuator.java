package org.rcm.requests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls an application's actuator endpoints as a monitor, an operator or a stranger would: HTTP Basic or nothing. */
public final class Actuator {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;

    public Actuator(int port) {
        this.port = port;
    }

    /** @param user null for an anonymous call; the demo users' password is {@code demo} */
    public HttpResponse<String> get(String path, String user) {
        return get(path, user, "demo");
    }

    public HttpResponse<String> get(String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code /actuator/health} (or a group of it) as {@code admin} sees it: status and components with details. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> health(String path) {
        try {
            return JSON.readValue(get(path, "admin").body(), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One component of {@code /actuator/health}: its status and details. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> component(String name) {
        Map<String, Object> components = (Map<String, Object>) health("/actuator/health").get("components");
        return (Map<String, Object>) components.get(name);
    }
}
