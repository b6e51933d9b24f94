package org.rcm.requests.approval;

import java.util.Arrays;
import java.util.Optional;

/** A Troika country's answer to an approval task. */
public enum Decision {
    APPROVE, CHANGES, REJECT;

    String code() {
        return name().toLowerCase();
    }

    static Optional<Decision> parse(Object value) {
        return Arrays.stream(values()).filter(decision -> decision.code().equals(String.valueOf(value))).findFirst();
    }
}
