package org.rcm.requests.meeting;

import java.time.LocalDate;
import java.util.List;

/**
 * What an import did: whether the meeting is new, the agreements added, the draft requests started (with their
 * references) and notes such as "already imported" or a due date that had passed.
 */
public record ImportReport(String meetingId, boolean meetingAdded, List<String> agreementsAdded,
                           List<CreatedRequest> requests, List<String> notes) {

    /** A draft started for an agreement; {@code position} is its place among the agreement's requests. */
    public record CreatedRequest(String agreement, int position, String reference, String subject,
                                 LocalDate replyDue) {
    }

    public boolean nothingNew() {
        return !meetingAdded && agreementsAdded.isEmpty() && requests.isEmpty();
    }
}
