package org.rcm.requests.mail.inbound;

import org.rcm.requests.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The inbox page of the Secretariat and operators: the counts per state, and the failed messages with a retry. */
@Controller
@Page
class InboxPageController {

    private final Inbox inbox;
    private final InboxWorker worker;

    InboxPageController(Inbox inbox, InboxWorker worker) {
        this.inbox = inbox;
        this.worker = worker;
    }

    @GetMapping("/inbox")
    String page(Model model) {
        model.addAttribute("inbox", InboxApiController.Summary.of(inbox));
        return "registry/inbox";
    }

    @PostMapping("/inbox/{id}/retry")
    String retry(@PathVariable long id) {
        worker.retry(id);
        return "redirect:/inbox";
    }
}
