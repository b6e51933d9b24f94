package org.rcm.requests.processes;

import org.rcm.requests.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The Processes page ({@code /processes}): versions and running requests, changed files, Check and Deploy. */
@Controller
@Page
class ProcessesPageController {

    private final ProcessCatalog catalog;

    ProcessesPageController(ProcessCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/processes")
    String page(Model model) {
        model.addAttribute("overview", catalog.overview());
        return "processes/page";
    }

    @PostMapping("/processes/check")
    String check(Model model) {
        model.addAttribute("checked", true);
        model.addAttribute("problems", catalog.check());
        return page(model);
    }

    @PostMapping("/processes/deploy")
    String deploy(Model model) {
        ProcessCatalog.Deployed deployed = catalog.deploy();
        model.addAttribute("deployed", deployed);
        model.addAttribute("problems", deployed.problems());
        return page(model);
    }
}
