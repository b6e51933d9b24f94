package org.rcm.requests.request;

import java.util.List;
import java.util.Map;

/**
 * A request as a user submits it, before validation: the API body and the Tasklist start form have these fields.
 * {@code replyDue} is the text {@code YYYY-MM-DD}, so that a bad date is a field error, not a parse failure.
 * {@code subject} and {@code body} are the text in {@code language}; {@code subjects} and {@code bodies}, by language
 * ({@code es}, {@code en}), may give it in the other working language too (or instead). Instead of {@code replyDue},
 * {@code replyDueWorkingDays} may give the due date as a number of working days (text too, for the same reason).
 * {@code acknowledgement}: the request email asks each recipient to confirm its receipt (null: no). {@code topic},
 * optional, is what the request is about (a short code such as {@code smuggling}): focal points are named per country
 * and topic.
 */
public record NewRequest(String subject, String body, List<String> recipients, String replyDue,
                         String kind, String language, Map<String, String> subjects, Map<String, String> bodies,
                         String replyDueWorkingDays, Boolean acknowledgement, String topic) {

    public NewRequest {
        subjects = subjects == null ? Map.of() : subjects;
        bodies = bodies == null ? Map.of() : bodies;
    }

    /** A request with a due date, without an acknowledgement of receipt or a topic. */
    public NewRequest(String subject, String body, List<String> recipients, String replyDue, String kind,
                      String language, Map<String, String> subjects, Map<String, String> bodies) {
        this(subject, body, recipients, replyDue, kind, language, subjects, bodies, null, null, null);
    }

    /** A request in one language. */
    public NewRequest(String subject, String body, List<String> recipients, String replyDue, String kind,
                      String language) {
        this(subject, body, recipients, replyDue, kind, language, Map.of(), Map.of());
    }
}
