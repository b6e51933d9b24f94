package org.rcm.requests.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: where each kind of work is done (Tasklist, the registry, meetings, statistics, Cockpit). */
@Controller
@Page
class HomeController {

    @GetMapping("/")
    String home() {
        return "pages/home";
    }
}
