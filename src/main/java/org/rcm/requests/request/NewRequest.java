package org.rcm.requests.request;

import java.util.List;

/**
 * A request as a user submits it, before validation: the API body and the Tasklist start form have these fields.
 * {@code replyDue} is the text {@code YYYY-MM-DD}, so that a bad date is a field error, not a parse failure.
 */
public record NewRequest(String subject, String body, List<String> recipients, String replyDue,
                         String kind, String language) {
}
