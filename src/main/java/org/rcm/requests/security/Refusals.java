package org.rcm.requests.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A refused request, said in both languages: a missing form token (an expired form, or a post from another site)
 * is told apart from a missing permission; the login form, expired, is simply shown again.
 */
final class Refusals implements AccessDeniedHandler {

    static final String FORM_EXPIRED = "Formulario caducado: recargue la página / form expired: reload the page";
    static final String SCRIPT_WITHOUT_TOKEN = "Sin token CSRF: los programas envían usuario y contraseña (HTTP "
            + "Basic) con un cuerpo application/json o application/yaml / no CSRF token: programs send a user and "
            + "password (HTTP Basic) with an application/json or application/yaml body";

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException {
        String path = Paths.of(request);
        if (refusal instanceof CsrfException && path.equals("/login")) {
            response.sendRedirect(request.getContextPath() + "/login?error=expired");
            return;
        }
        boolean script = Paths.forScripts(path);
        String message = !(refusal instanceof CsrfException) ? "No permitido / not allowed"
                : script ? SCRIPT_WITHOUT_TOKEN : FORM_EXPIRED;
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(script ? MediaType.APPLICATION_JSON_VALUE : MediaType.TEXT_PLAIN_VALUE);
        response.getWriter().write(script ? "{\"status\":403,\"error\":\"Forbidden\",\"detail\":\"" + message + "\"}"
                : message);
    }
}
