package org.rcm.requests.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The login form of Tasklist, Cockpit and Admin (shown after their own "log out", or when a session ends while a
 * webapp is open) logs in through the security chain, with the same throttled check as every login, and opens the
 * same session as the pages' login. It answers as Camunda's login resource does ({@code userId},
 * {@code authorizedApps}; 403 for an app the user may not use), which it replaces: that resource would check the
 * password a second time, unthrottled, and renew the session without the security chain's login in it.
 */
final class WebappLoginFilter extends UsernamePasswordAuthenticationFilter {

    static final String PATH = "/camunda/api/admin/auth/user/{engine}/login/{app}";
    private static final PathPatternRequestMatcher LOGIN = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, PATH);

    private final ProcessEngine engine;
    private final ObjectMapper json;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    WebappLoginFilter(AuthenticationManager manager, ProcessEngine engine, ObjectMapper json) {
        super(manager);
        this.engine = engine;
        this.json = json;
        setRequiresAuthenticationRequestMatcher(LOGIN);
        setSecurityContextRepository(contexts);
        setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
        setAuthenticationFailureHandler((request, response, failure) -> response.sendError(
                failure instanceof FormExpired ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_UNAUTHORIZED,
                failure.getMessage()));
    }

    /** The webapps' CSRF token, which their own filter (after this one) would have checked. */
    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        if (!(expected instanceof String token) || sent == null || !MessageDigest.isEqual(
                token.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII))) {
            throw new FormExpired();
        }
        return super.attemptAuthentication(request, response);
    }

    private static final class FormExpired extends AuthenticationException {

        FormExpired() {
            super("CSRF token missing or wrong: reload the page");
        }
    }

    @Override
    protected void successfulAuthentication(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain, Authentication authentication) throws IOException {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);

        String app = LOGIN.matcher(request).getVariables().get("app");
        UserAuthentication webapps = AuthenticationUtil.createAuthentication(engine, authentication.getName(),
                EngineGroups.of(authentication), null);
        if (webapps == null || !webapps.isAuthorizedForApp(app)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Not allowed to use " + app);
            return;
        }
        Authentications sessionAuthentications = AuthenticationUtil.getAuthsFromSession(request.getSession());
        sessionAuthentications.addOrReplace(webapps);
        AuthenticationUtil.updateSession(request.getSession(), sessionAuthentications);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("userId", webapps.getIdentityId(),
                "authorizedApps", new ArrayList<>(webapps.getAuthorizedApps())));
    }
}
