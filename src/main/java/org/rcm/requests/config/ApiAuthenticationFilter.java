package org.rcm.requests.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The gate of everything the application itself serves (default deny): HTTP Basic against the engine's users — the
 * same users and passwords as Tasklist; the user becomes the request's principal and the user's groups its roles.
 * <ul>
 * <li>public: the reply page ({@code /reply/**}, protected by its signed token), {@code GET /actuator/health} with
 * its liveness and readiness groups, and {@code /} (a redirect to Tasklist);</li>
 * <li>left to their own guards: the Camunda webapps ({@code /camunda/**}, session login and CSRF of their own) and
 * the engine's REST API ({@code /engine-rest/**}, HTTP Basic by {@code ProcessEngineAuthenticationFilter});</li>
 * <li>{@code /api/**}: members of {@code secretariat} or {@code camunda-admin}; {@code /actuator/**} beyond health:
 * members of {@code camunda-admin}; anything else: any authenticated user (and then usually 404).</li>
 * </ul>
 * Responses outside the webapps and the reply page (which set their own) get {@code nosniff},
 * {@code X-Frame-Options: DENY} and {@code Cache-Control: no-store}.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    static final String REALM = "Basic realm=\"Inter-agency Requests\", charset=\"UTF-8\"";
    static final List<String> API_GROUPS = List.of("secretariat", "camunda-admin");
    static final List<String> ACTUATOR_GROUPS = List.of("camunda-admin");
    private static final Set<String> PUBLIC_HEALTH = Set.of("/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness");

    private final IdentityService identity;

    ApiAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    /** The decoded, normalized path the container mapped, without the context path. */
    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String path = servletPath + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.isEmpty() ? "/" : path;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** Served by the Camunda webapps or REST API, which guard themselves. */
    static boolean camunda(String path) {
        // /camunda-welcome: the webapps look for the welcome app there; a 401 with a Basic challenge would make the
        // browser ask for a password in the middle of the Tasklist login
        return under(path, "/camunda") || under(path, "/engine-rest") || under(path, "/camunda-welcome");
    }

    /** Open to anyone; see the class comment. */
    static boolean isPublic(HttpServletRequest request) {
        String path = path(request);
        if (under(path, "/reply")) {
            return true;
        }
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        return read && (PUBLIC_HEALTH.contains(path) || path.equals("/") || path.equals("/favicon.ico"));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return camunda(path(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isPublic(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-store");
        String user = authenticatedUser(request.getHeader("Authorization"));
        if (user == null) {
            response.setHeader("WWW-Authenticate", REALM);
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Authentication required");
            return;
        }
        Set<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .collect(Collectors.toSet());
        List<String> required = required(path(request));
        if (!required.isEmpty() && required.stream().noneMatch(groups::contains)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Not allowed for " + user);
            return;
        }
        Principal principal = () -> user;
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public boolean isUserInRole(String role) {
                return groups.contains(role);
            }

            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public String getRemoteUser() {
                return user;
            }
        }, response);
    }

    private static List<String> required(String path) {
        if (under(path, "/api")) {
            return API_GROUPS;
        }
        if (under(path, "/actuator")) {
            return ACTUATOR_GROUPS;
        }
        return List.of();
    }

    private String authenticatedUser(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        return identity.checkPassword(user, decoded.substring(colon + 1)) ? user : null;
    }
}
