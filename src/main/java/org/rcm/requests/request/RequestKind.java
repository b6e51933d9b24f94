package org.rcm.requests.request;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a request asks for. Administrative reminders to member countries may go out without Troika approval. A kind may
 * carry a reply form, {@code processes/Form_Reply_<kind>.form} (today {@code focal_points} and {@code consulates}):
 * its answers are then fields, not only text.
 */
public enum RequestKind {
    INFORMATION, SUPPORT, INVITATION, DATA_COLLECTION, ADMINISTRATIVE_REMINDER, FOCAL_POINTS, CONSULATES;

    public String code() {
        return name().toLowerCase();
    }

    /** The id (and file name) of the reply form this kind's answers take, if the model is deployed with one. */
    public String replyFormId() {
        return "Form_Reply_" + code();
    }

    public static Optional<RequestKind> parse(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code().equalsIgnoreCase(code)).findFirst();
    }
}
