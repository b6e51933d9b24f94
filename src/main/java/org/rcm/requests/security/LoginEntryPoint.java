package org.rcm.requests.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What an anonymous request to a protected path gets: a person in a browser is sent to the login page, coming back
 * afterwards; a script gets 401. Never an HTTP Basic challenge: a browser that answered one would keep the password
 * and send it with every later request, cross-site ones included. Scripts send their credentials unasked.
 */
final class LoginEntryPoint implements AuthenticationEntryPoint {

    static final String UNAUTHORIZED_BODY = "{\"status\":401,\"error\":\"Unauthorized\",\"detail\":"
            + "\"Inicie sesión en /login, o envíe usuario y contraseña (HTTP Basic) / log in at /login, or send a user "
            + "and password (HTTP Basic)\"}";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (wantsPage(request)) {
            response.sendRedirect(request.getContextPath() + UriComponentsBuilder.fromPath("/login")
                    .queryParam("next", Paths.withQuery(request)).encode().build().toUriString());
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write(UNAUTHORIZED_BODY);
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) && accept != null
                && accept.contains("text/html") && !Paths.forScripts(Paths.of(request));
    }
}
