package org.rcm.requests.registry;

import java.time.Instant;
import java.time.LocalDate;

/** The header of the request page: the request as registered, with the meeting agreement it carries out. */
record RequestFacts(String reference, String subject, String body, String kind, String language, String state,
                    String outcome, LocalDate replyDue, String processInstanceId, String createdBy, Instant createdAt,
                    Instant closedAt, String meetingId, String agreementNumber) {

    public boolean forAgreement() {
        return meetingId != null && agreementNumber != null;
    }
}
