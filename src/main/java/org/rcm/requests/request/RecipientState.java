package org.rcm.requests.request;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Where one recipient of a request is. */
public enum RecipientState {
    PENDING, AWAITING_REPLY, OVERDUE, UNDER_REVIEW, ANSWERED, CLOSED_UNANSWERED, UNDELIVERABLE;

    /** Whether the Secretariat still waits for this recipient's reply (due or overdue). */
    public boolean awaited() {
        return this == AWAITING_REPLY || this == OVERDUE;
    }

    /** Days a recipient in this state is late on {@code today} with its reply due on {@code due}; 0 when not late. */
    public long daysOverdue(LocalDate due, LocalDate today) {
        return awaited() && due.isBefore(today) ? ChronoUnit.DAYS.between(due, today) : 0;
    }
}
