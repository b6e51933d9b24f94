package org.rcm.requests.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

/**
 * Cross-site request forgery protection of the forms the application serves (the reply page, the Secretariat pages,
 * the login): a random token per session, rendered as a hidden field and compared, in constant time, with the one the
 * form posts back.
 */
@Component
public class SessionCsrf {

    public static final String PARAMETER = "_csrf";
    static final String SESSION_ATTRIBUTE = SessionCsrf.class.getName() + ".token";

    private final SecureRandom random = new SecureRandom();

    /** The session's token, made on first use. */
    public String tokenFor(HttpSession session) {
        synchronized (session) {
            Object token = session.getAttribute(SESSION_ATTRIBUTE);
            if (token instanceof String existing) {
                return existing;
            }
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String created = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(SESSION_ATTRIBUTE, created);
            return created;
        }
    }

    /** Whether {@code submitted} is the token of the request's session; no session never matches. */
    public boolean matches(HttpServletRequest request, String submitted) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        return expected instanceof String token && submitted != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII));
    }
}
