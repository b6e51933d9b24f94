package org.rcm.requests.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestState;
import org.rcm.requests.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The registry list ({@code /registry}) and its printable version ({@code /registry/print}), with the same filters. */
@Page
@Controller
class RegistryController {

    /** The printable page is a report for paper: beyond this many rows the CSV is the better tool. */
    static final int PRINT_MAX = 2_000;
    private static final int PRINT_CHUNK = 500;

    private final RegistryQuery query;
    private final RegistryFilters filters;
    private final Clock clock;

    RegistryController(RegistryQuery query, RegistryFilters filters, Clock clock) {
        this.query = query;
        this.filters = filters;
        this.clock = clock;
    }

    @GetMapping("/registry")
    String list(@RequestParam Map<String, String> params, Model model) {
        RegistryFilterForm.Parsed parsed = filters.read(params);
        RegistryFilter filter = parsed.filter();
        RegistryPage page = query.page(filter);
        List<RegistryFilterForm.Notice> notices = new ArrayList<>(parsed.notices());
        if (page.page() != filter.page()) {
            notices.add(new RegistryFilterForm.Notice("registry.notice.beyond", String.valueOf(filter.page())));
        }
        choices(model, filter, notices);
        model.addAttribute("page", page);
        model.addAttribute("previousUrl", RegistryFilterForm.link("/registry", filter, page.page() - 1));
        model.addAttribute("nextUrl", RegistryFilterForm.link("/registry", filter, page.page() + 1));
        model.addAttribute("clearUrl", "/registry");
        model.addAttribute("csvUrl", RegistryFilterForm.link("/registry.csv", filter, 0));
        model.addAttribute("printUrl", RegistryFilterForm.link("/registry/print", filter, 0));
        return "registry/list";
    }

    @GetMapping("/registry/print")
    String print(@RequestParam Map<String, String> params, Model model) {
        RegistryFilterForm.Parsed parsed = filters.read(params);
        RegistryFilter filter = parsed.filter();
        List<RegistryRow> rows = new ArrayList<>();
        query.each(filter, PRINT_MAX, PRINT_CHUNK, rows::addAll);
        long total = rows.size() < PRINT_MAX ? rows.size() : query.count(filter);
        choices(model, filter, parsed.notices());
        model.addAttribute("rows", rows);
        model.addAttribute("total", total);
        model.addAttribute("truncated", total > rows.size());
        model.addAttribute("printMax", PRINT_MAX);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("listUrl", RegistryFilterForm.link("/registry", filter, 0));
        model.addAttribute("csvUrl", RegistryFilterForm.link("/registry.csv", filter, 0));
        return "registry/print";
    }

    private void choices(Model model, RegistryFilter filter, List<RegistryFilterForm.Notice> notices) {
        model.addAttribute("filter", filter);
        model.addAttribute("notices", notices);
        model.addAttribute("states", RequestState.values());
        model.addAttribute("recipientStates", RecipientState.values());
        model.addAttribute("parties", filters.parties());
        model.addAttribute("meetings", filters.meetings());
    }
}
