package org.rcm.requests.security;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which requests must carry the session's CSRF token: every state-changing request, except a script's request with
 * its own HTTP Basic credentials to {@code /engine-rest} (Camunda Modeler deploys with a multipart post) or, with a
 * content type no cross-site form or simple request can send (JSON, YAML, a mail), to {@code /api} and
 * {@code /actuator}. A browser holding Basic credentials (the application never asks for them, see
 * {@link LoginEntryPoint}) still cannot post a form, {@code text/plain} or a body-less request there.
 */
final class CsrfRequired implements RequestMatcher {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** What a page of another site can send without asking first (CORS "simple" requests). */
    private static final Set<String> SIMPLE_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");

    @Override
    public boolean matches(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String authorization = request.getHeader("Authorization");
        boolean ownCredentials = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        String path = Paths.of(request);
        if (!ownCredentials) {
            return true;
        }
        if (under(path, "/engine-rest")) {
            return false;
        }
        return !(under(path, "/api") || under(path, "/actuator")) || simple(request.getContentType());
    }

    static boolean simple(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return SIMPLE_TYPES.contains(type.getType() + "/" + type.getSubtype());
        } catch (InvalidMediaTypeException e) {
            return true;
        }
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
