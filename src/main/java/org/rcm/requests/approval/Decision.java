package org.rcm.requests.approval;

import java.util.Arrays;
import java.util.Optional;

/**
 * A Troika country's entry in an approval round: its answer to the approval task, or {@code SILENCE} when its silence
 * period ended without one (the decision table {@code Decision_ApprovalOutcome} says what silence counts as).
 */
public enum Decision {
    APPROVE, CHANGES, REJECT, SILENCE;

    String code() {
        return name().toLowerCase();
    }

    /** Whether a delegate may give this decision in the approval task (silence is the engine's to record). */
    boolean isAnswer() {
        return this != SILENCE;
    }

    static Optional<Decision> parse(Object value) {
        return Arrays.stream(values()).filter(decision -> decision.code().equals(String.valueOf(value))).findFirst();
    }
}
