package org.rcm.requests.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.rcm.requests.request.RequestText;

/**
 * The header of the request page: the request as registered, with the meeting agreement it carries out.
 * {@code subject} and {@code body} are its text in {@code language}; {@code otherTexts} the same request in the other
 * working language, when it has one.
 */
record RequestFacts(String reference, String subject, String body, String kind, String language, String state,
                    String outcome, LocalDate replyDue, String processInstanceId, String createdBy, Instant createdAt,
                    Instant closedAt, String meetingId, String agreementNumber, List<RequestText> otherTexts) {

    /** Every text of the request, its own language's first. */
    public List<RequestText> texts() {
        List<RequestText> texts = new ArrayList<>();
        texts.add(new RequestText(language, subject, body));
        texts.addAll(otherTexts);
        return texts;
    }

    RequestFacts withOtherTexts(List<RequestText> texts) {
        return new RequestFacts(reference, subject, body, kind, language, state, outcome, replyDue, processInstanceId,
                createdBy, createdAt, closedAt, meetingId, agreementNumber, texts);
    }

    public boolean forAgreement() {
        return meetingId != null && agreementNumber != null;
    }
}
