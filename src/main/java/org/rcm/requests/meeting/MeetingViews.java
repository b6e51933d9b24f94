package org.rcm.requests.meeting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rcm.requests.meeting.MeetingView.AgreementView;
import org.rcm.requests.meeting.MeetingView.Progress;
import org.rcm.requests.meeting.MeetingView.RecipientView;
import org.rcm.requests.meeting.MeetingView.RequestView;
import org.rcm.requests.meeting.Meetings.Agreement;
import org.springframework.stereotype.Service;

/**
 * Puts a meeting's agreements and their requests together for the page, the printable report and the CSV. Overdue:
 * a recipient whose reply is awaited ({@code AWAITING_REPLY} or {@code OVERDUE}) after its due date.
 */
@Service
class MeetingViews {

    private final Meetings meetings;
    private final AgreementRequests requests;
    private final Clock clock;

    MeetingViews(Meetings meetings, AgreementRequests requests, Clock clock) {
        this.meetings = meetings;
        this.requests = requests;
        this.clock = clock;
    }

    List<MeetingSummary> summaries() {
        return requests.summaries(LocalDate.now(clock));
    }

    Optional<MeetingView> meeting(String id) {
        LocalDate today = LocalDate.now(clock);
        return meetings.find(id).map(meeting -> {
            Map<String, Map<String, List<AgreementRequests.Row>>> byAgreement = new LinkedHashMap<>();
            for (AgreementRequests.Row row : requests.ofMeeting(id)) {
                byAgreement.computeIfAbsent(row.agreementNumber(), number -> new LinkedHashMap<>())
                        .computeIfAbsent(row.reference(), reference -> new ArrayList<>()).add(row);
            }
            List<AgreementView> agreements = meetings.agreements(id).stream().map(agreement ->
                    agreement(agreement, byAgreement.getOrDefault(agreement.number(), Map.of()), today)).toList();
            List<RecipientView> all = agreements.stream().flatMap(a -> a.requests().stream())
                    .flatMap(r -> r.recipients().stream()).toList();
            return new MeetingView(meeting, agreements, Progress.of(all),
                    (int) all.stream().filter(RecipientView::overdue).count(), today);
        });
    }

    private AgreementView agreement(Agreement agreement, Map<String, List<AgreementRequests.Row>> byReference,
                                    LocalDate today) {
        List<RequestView> views = byReference.values().stream().map(rows -> request(rows, today)).toList();
        List<RecipientView> recipients = views.stream().flatMap(view -> view.recipients().stream()).toList();
        Progress progress = Progress.of(recipients);
        boolean overdue = recipients.stream().anyMatch(RecipientView::overdue)
                || agreement.dueOn() != null && agreement.dueOn().isBefore(today) && progress.total() > 0
                && progress.answered() < progress.total();
        return new AgreementView(agreement.number(), agreement.text(), agreement.responsible(), agreement.dueOn(),
                overdue, views, progress);
    }

    private RequestView request(List<AgreementRequests.Row> rows, LocalDate today) {
        AgreementRequests.Row first = rows.get(0);
        List<RecipientView> recipients = rows.stream().map(row -> new RecipientView(row.code(), row.nameEs(),
                row.nameEn(), row.state(), row.replyDue(), date(row.sentAt()), date(row.answeredAt()),
                row.state().daysOverdue(row.replyDue(), today))).toList();
        LocalDate due = recipients.stream().map(RecipientView::replyDue).min(Comparator.naturalOrder()).orElse(null);
        long daysOverdue = recipients.stream().mapToLong(RecipientView::daysOverdue).max().orElse(0);
        return new RequestView(first.reference(), first.subject(), first.requestState(), due, recipients,
                daysOverdue);
    }


    private LocalDate date(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, clock.getZone());
    }
}
