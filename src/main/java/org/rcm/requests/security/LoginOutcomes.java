package org.rcm.requests.security;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a login leads: to the page the user came for ({@code next}, given to the form or kept in the session for a
 * single-sign-on round trip), only ever a path of this application; back to the form on a failure, still bound for
 * that page.
 */
final class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String NEXT = "next";
    static final String SESSION_NEXT = LoginOutcomes.class.getName() + ".next";
    static final String DEFAULT_NEXT = "/registry";
    /** Where a user without the Secretariat's pages starts: a Troika delegate's approvals are in Tasklist. */
    static final String TASKLIST = "/camunda/app/tasklist/default/";
    static final String PROCESSES = "/processes";

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        String next = next(request);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_NEXT);
        }
        response.sendRedirect(request.getContextPath() + (next == null || next.isBlank() ? home(authentication)
                : safeNext(next)));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        response.sendRedirect(request.getContextPath() + UriComponentsBuilder.fromPath("/login")
                .queryParam("error", failure instanceof LockedException ? "throttled"
                        : failure instanceof OAuth2AuthenticationException ? "sso" : "failed")
                .queryParamIfPresent(NEXT, Optional.ofNullable(next(request)).filter(next -> !next.isBlank())
                        .map(LoginOutcomes::safeNext)).encode().build().toUriString());
    }

    /** The Secretariat's registry for those who may open it, the Processes page for process owners, else Tasklist. */
    private static String home(Authentication authentication) {
        List<String> groups = EngineGroups.of(authentication);
        if (Arrays.stream(SecurityConfig.SECRETARIAT).anyMatch(groups::contains)) {
            return DEFAULT_NEXT;
        }
        return groups.contains(SecurityConfig.PROCESS_OWNERS[0]) ? PROCESSES : TASKLIST;
    }

    /** The form's {@code next}; for a single-sign-on round trip, which comes back without it, the session's. */
    private static String next(HttpServletRequest request) {
        String next = request.getParameter(NEXT);
        HttpSession session = request.getSession(false);
        return next == null && session != null && session.getAttribute(SESSION_NEXT) instanceof String kept
                ? kept : next;
    }

    /** Only a path of this application: never an address elsewhere (no open redirect). */
    static String safeNext(String next) {
        boolean local = next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
                && next.chars().noneMatch(Character::isISOControl);
        return local ? next : DEFAULT_NEXT;
    }
}
