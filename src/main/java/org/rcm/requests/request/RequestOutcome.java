package org.rcm.requests.request;

import java.util.Collection;

/** How a closed request ended, from its recipients' final states. */
public enum RequestOutcome {
    ANSWERED, PARTIALLY_ANSWERED, UNANSWERED, REJECTED;

    public static RequestOutcome of(Collection<RecipientState> finalStates) {
        long answered = finalStates.stream().filter(RecipientState.ANSWERED::equals).count();
        if (answered == 0) {
            return UNANSWERED;
        }
        return answered == finalStates.size() ? ANSWERED : PARTIALLY_ANSWERED;
    }
}
