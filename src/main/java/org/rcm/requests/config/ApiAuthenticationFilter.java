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
import org.rcm.requests.web.SessionCsrf;
import org.rcm.requests.web.WebappSession;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The gate of everything the application itself serves (default deny): the engine's users — the same users and
 * passwords as Tasklist — by HTTP Basic or by the webapps' session (one login for Tasklist, Cockpit and the
 * Secretariat pages); the user becomes the request's principal and the user's groups its roles.
 * <ul>
 * <li>public: the reply page ({@code /reply/**}, protected by its signed token), {@code GET /actuator/health} with
 * its liveness and readiness groups, the start page {@code /}, the login page {@code /login} and the pages' static
 * files ({@code /css}, {@code /js}, {@code /webjars});</li>
 * <li>left to their own guards: the Camunda webapps ({@code /camunda/**}, session login and CSRF of their own) and
 * the engine's REST API ({@code /engine-rest/**}, HTTP Basic by {@code ProcessEngineAuthenticationFilter});</li>
 * <li>{@code /api/**}: members of {@code secretariat} or {@code camunda-admin}; {@code /actuator/**} beyond health:
 * members of {@code camunda-admin}; anything else: any authenticated user (and then usually 404).</li>
 * </ul>
 * Responses outside the webapps and the reply page (which set their own) get {@code nosniff},
 * {@code X-Frame-Options: DENY}, {@code Cache-Control: no-store} and a content security policy.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    static final String REALM = "Basic realm=\"Inter-agency Requests\", charset=\"UTF-8\"";
    static final List<String> API_GROUPS = List.of("secretariat", "camunda-admin");
    static final List<String> ACTUATOR_GROUPS = List.of("camunda-admin");
    /** The Secretariat pages of DESIGN.md section 5 (and their exports). */
    static final List<String> SECRETARIAT_PAGES = List.of("/registry", "/registry.csv", "/meetings", "/statistics", "/inbox",
            "/statistics.csv");
    /** The pages' stylesheet, scripts and libraries: no data, and the login page needs them before any login. */
    static final List<String> STATIC = List.of("/css/", "/js/", "/webjars/");
    /** Pages load scripts only from the application (the chart library comes from a webjar), never inline. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; "
            + "base-uri 'none'";
    private static final Set<String> PUBLIC_HEALTH = Set.of("/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness");

    private final IdentityService identity;
    private final SessionCsrf csrf;

    ApiAuthenticationFilter(IdentityService identity, SessionCsrf csrf) {
        this.identity = identity;
        this.csrf = csrf;
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
        return path.equals("/login") || read && (PUBLIC_HEALTH.contains(path) || path.equals("/")
                || path.equals("/favicon.ico") || STATIC.stream().anyMatch(folder -> path.startsWith(folder)));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return camunda(path(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!under(path(request), "/reply")) {
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        if (isPublic(request)) {
            chain.doFilter(request, response);
            return;
        }
        String user = authenticatedUser(request.getHeader("Authorization"));
        boolean bySession = false;
        if (user == null) {
            user = WebappSession.user(request.getSession(false));
            bySession = user != null;
        }
        if (user == null) {
            if (wantsPage(request)) {
                response.sendRedirect(request.getContextPath() + UriComponentsBuilder.fromPath("/login")
                        .queryParam("next", pathWithQuery(request)).encode().build().toUriString());
                return;
            }
            response.setHeader("WWW-Authenticate", REALM);
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Authentication required");
            return;
        }
        if (bySession && !read(request) && !csrf.matches(request, request.getParameter(SessionCsrf.PARAMETER))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "Formulario caducado: recargue la página / form expired: reload the page");
            return;
        }
        Set<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .collect(Collectors.toSet());
        List<String> required = required(path(request));
        if (!required.isEmpty() && required.stream().noneMatch(groups::contains)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Not allowed for " + user);
            return;
        }
        String name = user;
        Principal principal = () -> name;
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
                return name;
            }
        }, response);
    }

    private static List<String> required(String path) {
        if (under(path, "/api") || SECRETARIAT_PAGES.stream().anyMatch(page -> under(path, page))) {
            return API_GROUPS;
        }
        if (under(path, "/actuator")) {
            return ACTUATOR_GROUPS;
        }
        return List.of();
    }

    private static boolean read(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    /** A person in a browser, not a script: sent to the login page rather than answered 401. */
    private static boolean wantsPage(HttpServletRequest request) {
        String path = path(request);
        String accept = request.getHeader("Accept");
        return read(request) && !under(path, "/api") && !under(path, "/actuator") && accept != null
                && accept.contains("text/html");
    }

    private static String pathWithQuery(HttpServletRequest request) {
        return path(request) + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
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
