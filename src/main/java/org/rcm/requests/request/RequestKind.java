package org.rcm.requests.request;

import java.util.Arrays;
import java.util.Optional;

/** What a request asks for. Administrative reminders to member countries may go out without Troika approval. */
public enum RequestKind {
    INFORMATION, SUPPORT, INVITATION, DATA_COLLECTION, ADMINISTRATIVE_REMINDER;

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<RequestKind> parse(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code().equalsIgnoreCase(code)).findFirst();
    }
}
