package org.rcm.requests.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Logs a user into the Secretariat pages with the Tasklist user and password. It opens the Camunda webapps' session,
 * so one login serves the pages, Tasklist and Cockpit, and a Tasklist login serves the pages.
 */
@Controller
@Page
class LoginController {

    private final ProcessEngine engine;
    private final SessionCsrf csrf;

    LoginController(ProcessEngine engine, SessionCsrf csrf) {
        this.engine = engine;
        this.csrf = csrf;
    }

    @GetMapping("/login")
    String form(@RequestParam(defaultValue = "/registry") String next, Model model) {
        model.addAttribute("next", safeNext(next));
        return "pages/login";
    }

    @PostMapping("/login")
    String login(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                 @RequestParam(defaultValue = "/registry") String next,
                 @RequestParam(name = SessionCsrf.PARAMETER, required = false) String token,
                 HttpServletRequest request, Model model) {
        model.addAttribute("next", safeNext(next));
        model.addAttribute("username", username);
        if (!csrf.matches(request, token)) {
            model.addAttribute("error", "login.expired");
            return "pages/login";
        }
        if (username.isBlank() || !engine.getIdentityService().checkPassword(username, password)) {
            model.addAttribute("error", "login.failed");
            return "pages/login";
        }
        UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, username);
        authentication.setCacheValidationTime(ServletContextUtil.getAuthCacheValidationTime(
                request.getServletContext()));
        // a new session id after login (no fixation), holding the webapps' authentication
        AuthenticationUtil.revalidateSession(request, authentication);
        return "redirect:" + safeNext(next);
    }

    @PostMapping("/logout")
    String logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/";
    }

    /** Only a path of this application: never an address elsewhere (no open redirect). */
    static String safeNext(String next) {
        boolean local = next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
                && next.chars().noneMatch(Character::isISOControl);
        return local ? next : "/registry";
    }
}
