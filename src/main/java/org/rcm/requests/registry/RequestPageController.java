package org.rcm.requests.registry;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.rcm.requests.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A request's page ({@code /registry/{reference}}): facts, recipients, open tasks and the timeline. */
@Controller
@Page
class RequestPageController {

    private final RequestTimeline timeline;

    RequestPageController(RequestTimeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping("/registry/{reference}")
    String request(@PathVariable String reference, Locale locale, Model model, HttpServletResponse response) {
        var page = timeline.page(reference, locale);
        if (page.isEmpty()) {
            // the same page, saying so, rather than the container's error page
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("missing", reference);
            return "registry/request";
        }
        model.addAttribute("page", page.get());
        return "registry/request";
    }
}
