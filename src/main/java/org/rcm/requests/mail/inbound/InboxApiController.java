package org.rcm.requests.mail.inbound;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbox as API: how many messages stand in each state (together, everything fetched or posted), the failed
 * ones with their error, and an operator's retry of one.
 */
@RestController
class InboxApiController {

    static final int FAILED_SHOWN = 100;

    private final Inbox inbox;
    private final InboxWorker worker;

    InboxApiController(Inbox inbox, InboxWorker worker) {
        this.inbox = inbox;
        this.worker = worker;
    }

    record Summary(Map<Inbox.State, Long> counts, long total, List<Inbox.Failed> failed) {

        static Summary of(Inbox inbox) {
            Map<Inbox.State, Long> counts = inbox.counts();
            return new Summary(counts, counts.values().stream().mapToLong(Long::longValue).sum(),
                    inbox.failed(FAILED_SHOWN));
        }
    }

    @GetMapping("/api/inbox")
    Summary summary() {
        return Summary.of(inbox);
    }

    /** 202 when the failed message is being tried again; 404 when no failed message has this id. */
    @PostMapping("/api/inbox/{id}/retry")
    ResponseEntity<Void> retry(@PathVariable long id) {
        return worker.retry(id) ? ResponseEntity.accepted().build() : ResponseEntity.notFound().build();
    }
}
