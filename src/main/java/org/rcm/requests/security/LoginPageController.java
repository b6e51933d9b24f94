package org.rcm.requests.security;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page: the engine's user and password (the same as in Tasklist), and a button per single-sign-on
 * provider when there are any. The form posts to Spring Security's login ({@code POST /login}).
 */
@Controller
@org.rcm.requests.web.Page
class LoginPageController {

    record Provider(String id, String name) {
    }

    private final List<Provider> providers = new ArrayList<>();

    LoginPageController(ObjectProvider<InMemoryClientRegistrationRepository> registrations) {
        InMemoryClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository != null) {
            for (ClientRegistration registration : repository) {
                providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
            }
        }
    }

    @GetMapping("/login")
    String form(@RequestParam(required = false) String next, @RequestParam(required = false) String error,
                HttpSession session, Model model) {
        // no page asked for: the user's own start page, chosen after the login (LoginOutcomes)
        String safe = next == null || next.isBlank() ? "" : LoginOutcomes.safeNext(next);
        // a single-sign-on round trip comes back without the form's fields: the session remembers where to go
        session.setAttribute(LoginOutcomes.SESSION_NEXT, safe);
        model.addAttribute("next", safe);
        model.addAttribute("providers", providers);
        if (error != null) {
            model.addAttribute("error", switch (error) {
                case "throttled" -> "login.throttled";
                case "expired" -> "login.expired";
                case "sso" -> "login.sso-failed";
                default -> "login.failed";
            });
        }
        return "pages/login";
    }
}
