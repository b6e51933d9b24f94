package org.rcm.requests.answer;

import java.util.Optional;

/** The reply form of a request: its kind's form, as deployed with the model version the request runs on. */
public interface ReplyForms {

    /** Empty when the request's kind has no reply form in its model's deployment (it is answered in text). */
    Optional<ReplyForm> forRequest(String reference);

    /**
     * The same, for a request whose instance is at hand and runs on the model deployed as {@code deploymentId}
     * (inside the engine: a listener, a delegate), without looking the instance up.
     */
    Optional<ReplyForm> forRequest(String reference, String deploymentId);
}
