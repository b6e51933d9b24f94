package org.rcm.requests.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestState;

/**
 * One line of the registry.
 *
 * @param replyDue    the request's reply due date
 * @param daysOverdue days since the earliest due date of a recipient still awaited past it; {@code null} when none is
 * @param meetingId   the meeting whose agreement the request is for, or {@code null}
 */
public record RegistryRow(String reference, String subject, RequestState state, LocalDate replyDue,
                          Integer daysOverdue, String meetingId, String agreementNumber, Instant createdAt,
                          List<Recipient> recipients) {

    /** @param checkContact sent some working days ago, neither acknowledged nor answered: check the contact */
    public record Recipient(String code, RecipientState state, boolean checkContact) {

        public Recipient(String code, RecipientState state) {
            this(code, state, false);
        }
    }

    public boolean overdue() {
        return daysOverdue != null;
    }

    public boolean hasAgreement() {
        return meetingId != null && agreementNumber != null;
    }

    RegistryRow withRecipients(List<Recipient> list, Integer days) {
        return new RegistryRow(reference, subject, state, replyDue, days, meetingId, agreementNumber, createdAt,
                List.copyOf(list));
    }
}
