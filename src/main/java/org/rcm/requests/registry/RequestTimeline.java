package org.rcm.requests.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.rcm.requests.correspondence.CorrespondenceEntry;
import org.rcm.requests.correspondence.CorrespondenceLog;
import org.rcm.requests.directory.Directory;
import org.rcm.requests.registry.TimelineEvent.Kind;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestRegistry;
import org.springframework.stereotype.Service;

/** Puts a request's page together: the registry, the correspondence log and the engine's history, merged in time. */
@Service
class RequestTimeline {

    private final RequestFactsReader facts;
    private final RequestRegistry registry;
    private final Directory directory;
    private final CorrespondenceLog log;
    private final RequestHistory history;
    private final Clock clock;

    RequestTimeline(RequestFactsReader facts, RequestRegistry registry, Directory directory, CorrespondenceLog log,
                    RequestHistory history, Clock clock) {
        this.facts = facts;
        this.registry = registry;
        this.directory = directory;
        this.log = log;
        this.history = history;
        this.clock = clock;
    }

    Optional<RequestPageView> page(String reference, Locale locale) {
        return facts.find(reference).map(request -> {
            List<RequestDetails.Recipient> recipients = registry.recipients(request.reference());
            return new RequestPageView(request, rows(recipients, locale.getLanguage()),
                    request.processInstanceId() == null ? List.of() : history.openTasks(request.processInstanceId()),
                    events(request, recipients), clock.getZone());
        });
    }

    private List<RequestPageView.RecipientRow> rows(List<RequestDetails.Recipient> recipients, String language) {
        LocalDate today = LocalDate.now(clock);
        return recipients.stream().map(recipient -> new RequestPageView.RecipientRow(
                recipient.code(), directory.find(recipient.code()).map(party -> party.name(language)).orElse(""),
                recipient.state().name(), recipient.replyDue(), recipient.sentAt(), recipient.answeredAt(),
                recipient.state().daysOverdue(recipient.replyDue(), today), recipient.acknowledgedAt(),
                recipient.checkContact())).toList();
    }

    /**
     * Oldest first; events of the same instant keep their order: registered, engine, messages, receipts, closed. A
     * receipt is each recipient's first acknowledgement, with how it came.
     */
    private List<TimelineEvent> events(RequestFacts request, List<RequestDetails.Recipient> recipients) {
        List<TimelineEvent> events = new ArrayList<>();
        events.add(TimelineEvent.of(request.createdAt(), Kind.REGISTERED, request.createdBy()));
        if (request.processInstanceId() != null) {
            events.addAll(history.events(request.processInstanceId()));
        }
        for (CorrespondenceLog.Message message : log.messages(request.reference())) {
            CorrespondenceEntry entry = message.entry();
            boolean in = entry.direction() == CorrespondenceEntry.Direction.IN;
            events.add(new TimelineEvent(in || entry.sentAt() == null ? entry.createdAt() : entry.sentAt(),
                    in ? Kind.MESSAGE_IN : Kind.MESSAGE_OUT, in ? entry.from() : null, entry.recipient(), null,
                    null, null, message));
        }
        for (RequestDetails.Recipient recipient : recipients) {
            if (recipient.acknowledgedAt() != null) {
                // shown as decision.receipt-link or decision.receipt-read-receipt
                String how = "receipt-" + recipient.acknowledgedVia().name().toLowerCase(Locale.ROOT).replace('_', '-');
                events.add(TimelineEvent.decision(recipient.acknowledgedAt(), Kind.ACKNOWLEDGED, null,
                        recipient.code(), how, null, null));
            }
        }
        if (request.closedAt() != null) {
            events.add(TimelineEvent.decision(request.closedAt(),
                    "REJECTED".equals(request.state()) ? Kind.REJECTED : Kind.CLOSED, null, null, request.outcome(),
                    null, null));
        }
        events.sort(Comparator.comparing(TimelineEvent::at));
        return events;
    }
}
