package org.rcm.requests.task;

/** A submitted field that the task's form does not take, or a value it cannot hold; the message names the field. */
class SubmissionRefused extends IllegalArgumentException {

    SubmissionRefused(String field, String message) {
        super(field + ": " + message);
    }
}
