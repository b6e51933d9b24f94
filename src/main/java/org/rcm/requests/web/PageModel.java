package org.rcm.requests.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared page layout shows on every page: who is logged in, the form token, links back and forth. */
@ControllerAdvice(annotations = Page.class)
class PageModel {

    private final SessionCsrf csrf;

    PageModel(SessionCsrf csrf) {
        this.csrf = csrf;
    }

    @ModelAttribute
    void common(HttpServletRequest request, org.springframework.ui.Model model) {
        model.addAttribute("currentUser", user(request));
        model.addAttribute("csrfParameter", SessionCsrf.PARAMETER);
        model.addAttribute("csrfToken", csrf.tokenFor(request.getSession()));
        model.addAttribute("currentPath", request.getRequestURI());
    }

    /** The authenticated user; on the public pages (start, login) the one logged into this session, if any. */
    private static String user(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal != null) {
            return principal.getName();
        }
        return WebappSession.user(request.getSession(false));
    }
}
