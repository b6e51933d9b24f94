package org.rcm.requests.mail.inbound;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Delivers a reply to its recipient's instance. A reply can come before the instance waits for it: sending commits
 * first and "Await reply" is reached by the next job, usually within a second (a fast auto-answering system, or the
 * lifecycle benchmark, replies sooner). While the registry says the recipient awaits a reply, the reply is therefore
 * offered again for a few seconds before it counts as not awaited and goes to triage.
 */
@Component
class ReplyDelivery {

    static final List<Duration> PAUSES = List.of(50, 100, 200, 400, 800, 1600, 3200).stream()
            .map(Duration::ofMillis).toList();

    private final InboundActions actions;
    private final RequestRegistry registry;
    private final Consumer<Duration> pause;

    @Autowired
    ReplyDelivery(InboundActions actions, RequestRegistry registry) {
        this(actions, registry, ReplyDelivery::sleep);
    }

    ReplyDelivery(InboundActions actions, RequestRegistry registry, Consumer<Duration> pause) {
        this.actions = actions;
        this.registry = registry;
        this.pause = pause;
    }

    /** True when the recipient's instance took the reply; false when it does not await one. */
    boolean deliver(Match match, long correspondenceId, String replyText, List<String> attachmentNames) {
        if (actions.replyReceived(match, correspondenceId, replyText, attachmentNames)) {
            return true;
        }
        for (Duration wait : PAUSES) {
            if (!sentAndUnanswered(match)) {
                return false;
            }
            pause.accept(wait);
            if (actions.awaitsReply(match)) {
                return actions.replyReceived(match, correspondenceId, replyText, attachmentNames);
            }
        }
        return false;
    }

    private boolean sentAndUnanswered(Match match) {
        return registry.recipients(match.reference()).stream().anyMatch(recipient ->
                recipient.code().equals(match.recipient()) && recipient.state() == RecipientState.AWAITING_REPLY);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while a reply waited for its recipient's instance", e);
        }
    }
}
