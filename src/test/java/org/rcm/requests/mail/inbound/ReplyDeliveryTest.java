package org.rcm.requests.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestRegistry;

/** A reply that comes before its recipient's instance waits for it is delivered once the instance gets there. */
class ReplyDeliveryTest {

    private static final Match IOM = new Match("CRM-2026-0007", "IOM", "in-reply-to");

    private final InboundActions actions = mock(InboundActions.class);
    private final RequestRegistry registry = mock(RequestRegistry.class);
    private final List<Duration> paused = new ArrayList<>();
    private final ReplyDelivery delivery = new ReplyDelivery(actions, registry, paused::add);

    @Test
    void aWaitingInstanceTakesTheReplyAtOnce() {
        when(actions.replyReceived(any(), anyLong(), any(), any())).thenReturn(true);

        assertThat(delivery.deliver(IOM, 1, "Datos adjuntos", List.of())).as("delivered").isTrue();
        assertThat(paused).as("no waiting").isEmpty();
    }

    @Test
    void aReplyBeforeTheInstanceWaitsIsDeliveredWhenItGetsThere() {
        recipientIs(RecipientState.AWAITING_REPLY);
        when(actions.replyReceived(any(), anyLong(), any(), any())).thenReturn(false, true);
        when(actions.awaitsReply(IOM)).thenReturn(false, false, true);

        assertThat(delivery.deliver(IOM, 1, "Datos adjuntos", List.of())).as("delivered after waiting").isTrue();
        assertThat(paused).as("three short pauses").containsExactly(Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMillis(200));
        verify(actions, times(2)).replyReceived(IOM, 1, "Datos adjuntos", List.of());
    }

    @Test
    void aRecipientAlreadyAnsweredDoesNotWait() {
        recipientIs(RecipientState.ANSWERED);
        when(actions.replyReceived(any(), anyLong(), any(), any())).thenReturn(false);

        assertThat(delivery.deliver(IOM, 1, "Otra respuesta", List.of())).as("not awaited: triage").isFalse();
        assertThat(paused).as("no waiting for an answered recipient").isEmpty();
        verify(actions, never()).awaitsReply(any());
    }

    @Test
    void anInstanceThatNeverWaitsGivesUpAfterAFewSeconds() {
        recipientIs(RecipientState.AWAITING_REPLY);
        when(actions.replyReceived(any(), anyLong(), any(), any())).thenReturn(false);
        when(actions.awaitsReply(IOM)).thenReturn(false);

        assertThat(delivery.deliver(IOM, 1, "Datos", List.of())).as("not awaited: triage").isFalse();
        assertThat(paused).as("every pause, then triage").isEqualTo(ReplyDelivery.PAUSES);
        assertThat(paused.stream().mapToLong(Duration::toMillis).sum()).as("a few seconds in all").isLessThan(7_000);
    }

    private void recipientIs(RecipientState state) {
        when(registry.recipients(IOM.reference())).thenReturn(List.of(new RequestDetails.Recipient("IOM", state,
                LocalDate.now().plusDays(30), null, null, null)));
    }
}
