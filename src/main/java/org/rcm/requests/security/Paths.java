package org.rcm.requests.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/** The application's paths as the security rules name them. */
final class Paths {

    /** The Secretariat pages of DESIGN.md section 5 (and their exports): Secretariat and admins. */
    static final String[] SECRETARIAT_PAGES = {"/registry", "/registry/**", "/registry.csv", "/meetings",
        "/meetings/**", "/statistics", "/statistics/**", "/statistics.csv", "/inbox", "/inbox/**", "/focal-points"};
    /** Open to anyone: the reply page (its signed token guards it), start and login pages, the pages' files. */
    static final String[] PUBLIC = {"/", "/login", "/favicon.ico", "/css/**", "/js/**", "/webjars/**"};
    static final String[] PUBLIC_HEALTH = {"/actuator/health", "/actuator/health/liveness",
        "/actuator/health/readiness"};
    /** Called by programs, not browsers: they get 401 rather than the login page, and take HTTP Basic. */
    private static final List<String> SCRIPT_PREFIXES = List.of("/api", "/actuator", "/engine-rest", "/camunda/api");

    private Paths() {
    }

    /** The path within the application, as requested (the firewall has refused any that is not normalized). */
    static String of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.isEmpty() ? "/" : path;
    }

    static String withQuery(HttpServletRequest request) {
        return of(request) + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    static boolean forScripts(String path) {
        return SCRIPT_PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
