package org.rcm.requests.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * The session's CSRF token for a form that checks it itself: the reply page, which must check its link before it
 * reads an upload, and so before Spring Security could read the token from the form.
 */
public final class FormTokens {

    public static final String PARAMETER = "_csrf";
    private static final XorCsrfTokenRequestAttributeHandler HANDLER = new XorCsrfTokenRequestAttributeHandler();

    private FormTokens() {
    }

    /** The value to render in the form (masked afresh for every response, as Spring Security does). */
    public static String forForm(HttpServletRequest request) {
        return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token ? token.getToken() : "";
    }

    /** Whether the form posted back the session's token; no session never matches. */
    public static boolean matches(HttpServletRequest request) {
        if (request.getSession(false) == null
                || !(request.getAttribute(DeferredCsrfToken.class.getName()) instanceof DeferredCsrfToken deferred)
                || deferred.isGenerated()) {
            return false;
        }
        CsrfToken expected = deferred.get();
        String submitted = HANDLER.resolveCsrfTokenValue(request, expected);
        return submitted != null && MessageDigest.isEqual(expected.getToken().getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII));
    }
}
