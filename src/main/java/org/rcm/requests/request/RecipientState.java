package org.rcm.requests.request;

/** Where one recipient of a request is. */
public enum RecipientState {
    PENDING, AWAITING_REPLY, OVERDUE, UNDER_REVIEW, ANSWERED, CLOSED_UNANSWERED, UNDELIVERABLE
}
