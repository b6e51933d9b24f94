package org.rcm.requests.mail.outbound;

import org.rcm.requests.approval.ApprovalDecisions;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestRegistry;
import org.rcm.requests.request.RequestState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the automatic messages that the daily limit held, once their day has come (every minute, on every node: each
 * message is taken by one). A message that is no longer needed is not sent but logged {@code CANCELLED}: a reminder
 * or escalation whose recipient is no longer awaited, an approval reminder whose country has decided, anything of a
 * request that has ended. A message that fails (the mail server is down) stays held and is tried again.
 */
@Component
class HeldMailRelease {

    private static final Logger LOG = LoggerFactory.getLogger(HeldMailRelease.class);
    private static final int BATCH = 50;

    private final AutomaticMailLimit limit;
    private final OutboundMailService mail;
    private final RequestRegistry registry;
    private final ApprovalDecisions approvals;
    private final TransactionTemplate transaction;

    HeldMailRelease(AutomaticMailLimit limit, OutboundMailService mail, RequestRegistry registry,
                    ApprovalDecisions approvals, PlatformTransactionManager transactions) {
        this.limit = limit;
        this.mail = mail;
        this.registry = registry;
        this.approvals = approvals;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void releaseDue() {
        for (AutomaticMailLimit.Held held : limit.due(BATCH)) {
            try {
                transaction.executeWithoutResult(status -> release(held));
            } catch (RuntimeException e) {
                LOG.warn("Held {} {} to {} not sent yet: {}", held.kind(), held.id(), held.recipient(), e.getMessage());
            }
        }
    }

    private void release(AutomaticMailLimit.Held held) {
        if (!limit.release(held.id())) {
            return;
        }
        if (!stillNeeded(held)) {
            limit.cancel(held.id());
            LOG.info("Held {} {} to {} of {} no longer needed: not sent", held.kind(), held.id(), held.recipient(),
                    held.reference());
            return;
        }
        mail.send(held.reference(), held.recipient(), held.kind(), held.about(), null);
    }

    private boolean stillNeeded(AutomaticMailLimit.Held held) {
        RequestDetails request = registry.find(held.reference()).orElse(null);
        if (request == null || request.state() == RequestState.CLOSED || request.state() == RequestState.REJECTED) {
            return false;
        }
        return switch (held.kind()) {
            case REMINDER -> awaited(request, held.recipient());
            case ESCALATION -> awaited(request, held.about());
            case APPROVAL_REMINDER -> request.state() == RequestState.IN_APPROVAL && approvals
                    .currentRoundOf(held.reference()).stream().noneMatch(d -> d.country().equals(held.recipient()));
            default -> true;
        };
    }

    private static boolean awaited(RequestDetails request, String recipient) {
        return request.recipients().stream().anyMatch(r -> r.code().equals(recipient) && r.state().awaited());
    }
}
