package org.rcm.requests.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.rcm.requests.correspondence.CorrespondenceEntry;

/**
 * A request of the registry with its recipients and, for the detail view, its correspondence. A due date given in
 * working days keeps their number ({@code replyDueWorkingDays}, else null): each recipient then has its own
 * {@code replyDue}, and the request's is the latest.
 *
 * @param acknowledgement the request email asks each recipient to confirm its receipt
 */
public record RequestDetails(String reference, String subject, String kind, String language, RequestState state,
                             RequestOutcome outcome, LocalDate replyDue, String processInstanceId, String createdBy,
                             Instant createdAt, Instant closedAt, List<Recipient> recipients,
                             List<CorrespondenceEntry> correspondence, Integer replyDueWorkingDays,
                             boolean acknowledgement) {

    public RequestDetails(String reference, String subject, String kind, String language, RequestState state,
                          RequestOutcome outcome, LocalDate replyDue, String processInstanceId, String createdBy,
                          Instant createdAt, Instant closedAt, List<Recipient> recipients,
                          List<CorrespondenceEntry> correspondence) {
        this(reference, subject, kind, language, state, outcome, replyDue, processInstanceId, createdBy, createdAt,
                closedAt, recipients, correspondence, null, false);
    }

    /**
     * @param acknowledgedAt when the recipient first acknowledged the receipt, {@code acknowledgedVia} how; null if not
     * @param checkContact   sent some working days ago, and neither acknowledged nor answered: check the contact
     */
    public record Recipient(String code, RecipientState state, LocalDate replyDue, Instant sentAt,
                            Instant answeredAt, Instant closedAt, Instant acknowledgedAt, Receipt acknowledgedVia,
                            boolean checkContact) {

        public Recipient(String code, RecipientState state, LocalDate replyDue, Instant sentAt, Instant answeredAt,
                         Instant closedAt) {
            this(code, state, replyDue, sentAt, answeredAt, closedAt, null, null, false);
        }
    }

    RequestDetails withRecipients(List<Recipient> list) {
        return new RequestDetails(reference, subject, kind, language, state, outcome, replyDue, processInstanceId,
                createdBy, createdAt, closedAt, list, correspondence, replyDueWorkingDays, acknowledgement);
    }

    RequestDetails withCorrespondence(List<CorrespondenceEntry> entries) {
        return new RequestDetails(reference, subject, kind, language, state, outcome, replyDue, processInstanceId,
                createdBy, createdAt, closedAt, recipients, entries, replyDueWorkingDays, acknowledgement);
    }
}
