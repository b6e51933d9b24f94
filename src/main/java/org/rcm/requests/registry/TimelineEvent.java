package org.rcm.requests.registry;

import java.time.Instant;

import org.rcm.requests.correspondence.CorrespondenceLog;

/**
 * One step of a request's history as the request page shows it.
 *
 * @param kind     what happened; the page's label is the message {@code event.<KIND>}
 * @param actor    who did it (a user id, a sender's address), or null for the application itself
 * @param party    the Troika country or the recipient it concerns, or null
 * @param decision the code chosen (approve, changes, clarify, remind...), shown as {@code decision.<code>}
 * @param text     free text written by a person (a comment, a question), shown escaped
 * @param detail   a short value that goes with the decision (a new due date, a corrected address)
 * @param message  the logged message, for the events of the correspondence log
 */
record TimelineEvent(Instant at, Kind kind, String actor, String party, String decision, String text, String detail,
                     CorrespondenceLog.Message message) {

    enum Kind {
        REGISTERED, DRAFTED, REDRAFTED, APPROVAL_DECIDED, SILENCE_RECORDED, MESSAGE_OUT, MESSAGE_IN, REPLY_OVERDUE,
        FOLLOW_UP_DECIDED, REVIEW_DECIDED, DELIVERY_FAILED, CONTACT_CORRECTED, ACKNOWLEDGED, CLOSED, REJECTED
    }

    static TimelineEvent of(Instant at, Kind kind, String actor) {
        return new TimelineEvent(at, kind, actor, null, null, null, null, null);
    }

    static TimelineEvent decision(Instant at, Kind kind, String actor, String party, String decision, String text,
                                  String detail) {
        return new TimelineEvent(at, kind, actor, party, decision, text, detail, null);
    }

    /** The class of the timeline's dot: green for what came in, red for what went wrong or late. */
    public String style() {
        return switch (kind) {
            case MESSAGE_IN, ACKNOWLEDGED -> "in";
            case REPLY_OVERDUE, DELIVERY_FAILED, SILENCE_RECORDED, REJECTED -> "warning";
            case APPROVAL_DECIDED -> "approve".equals(decision) ? "" : "warning";
            default -> "";
        };
    }
}
