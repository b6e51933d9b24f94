package org.rcm.requests.processes;

import java.security.Principal;

import org.rcm.requests.web.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Processes page ({@code /processes}): versions and running requests, changed files, Check and Deploy, and moving
 * running requests from one version to another (the plan first, then a batch whose progress the page shows).
 */
@Controller
@Page
class ProcessesPageController {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessesPageController.class);

    private final ProcessCatalog catalog;
    private final ProcessMigrations migrations;

    ProcessesPageController(ProcessCatalog catalog, ProcessMigrations migrations) {
        this.catalog = catalog;
        this.migrations = migrations;
    }

    /** With {@code from} and {@code to}: the migration plan of {@code key} (a dry run: nothing moves). */
    @GetMapping("/processes")
    String page(@RequestParam(required = false) String key, @RequestParam(required = false) Integer from,
                @RequestParam(required = false) Integer to, @RequestParam(required = false) String batch,
                Model model) {
        ProcessCatalog.Overview overview = catalog.overview();
        model.addAttribute("overview", overview);
        if (key != null && from != null && to != null) {
            try {
                model.addAttribute("plan", migrations.plan(key, from, to));
            } catch (InvalidMigrationException e) {
                model.addAttribute("migrationError", e.getMessage());
            }
        }
        if (batch != null) {
            try {
                model.addAttribute("progress", migrations.progress(batch));
            } catch (UnknownBatchException e) {
                model.addAttribute("migrationError", e.getMessage());
            }
        }
        return "processes/page";
    }

    @PostMapping("/processes/check")
    String check(Model model) {
        model.addAttribute("checked", true);
        model.addAttribute("problems", catalog.check());
        return page(null, null, null, null, model);
    }

    @PostMapping("/processes/deploy")
    String deploy(Model model) {
        ProcessCatalog.Deployed deployed = catalog.deploy();
        model.addAttribute("deployed", deployed);
        model.addAttribute("problems", deployed.problems());
        return page(null, null, null, null, model);
    }

    @PostMapping("/processes/migrations")
    String migrate(@RequestParam String key, @RequestParam int from, @RequestParam int to, Principal user,
                   Model model, RedirectAttributes redirect) {
        try {
            MigrationBatch batch = migrations.start(key, from, to);
            LOG.info("{} started migration batch {} of {} from version {} to {}", user.getName(), batch.batchId(),
                    key, from, to);
            redirect.addAttribute("batch", batch.batchId());
            return "redirect:/processes#migration";
        } catch (InvalidMigrationException | NothingToMigrateException e) {
            model.addAttribute("migrationError", e.getMessage());
            return page(key, from, to, null, model);
        }
    }
}
