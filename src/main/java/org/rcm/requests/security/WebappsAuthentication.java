package org.rcm.requests.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

/**
 * Camunda's container-based authentication of the webapps ({@link SpringSecurityUser}), also when a webapp first
 * asks who is logged in ({@code GET /api/admin/auth/user/{engine}}): a user who logged in on the pages is logged
 * into Tasklist too. An anonymous caller gets the webapps' own "nobody", which shows their login form.
 */
final class WebappsAuthentication extends ContainerBasedAuthenticationFilter {

    private static final Pattern CURRENT_USER = Pattern.compile("/api/admin/auth/user/([^/]+)");

    @Override
    protected String extractEngineName(HttpServletRequest request) {
        String engine = super.extractEngineName(request);
        if (engine != null) {
            return engine;
        }
        Matcher currentUser = CURRENT_USER.matcher(getRequestUri(request));
        return currentUser.matches() && "GET".equals(request.getMethod()) && SpringSecurityUser.current() != null
                ? currentUser.group(1) : null;
    }
}
