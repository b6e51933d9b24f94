package org.rcm.requests.request;

import java.time.LocalDate;
import java.util.List;

/** A request that passed {@link RequestValidator}: known recipients, a due date not in the past, defaults applied. */
public record ValidRequest(String subject, String body, List<String> recipients, LocalDate replyDue,
                           RequestKind kind, String language) {
}
