package org.rcm.requests.meeting;

import java.time.LocalDate;
import java.util.List;

import org.rcm.requests.meeting.Meetings.Meeting;
import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestState;

/** A meeting as its page and report show it: each agreement with its requests, their recipients and progress. */
record MeetingView(Meeting meeting, List<AgreementView> agreements, Progress progress, int overdue,
                   LocalDate today) {

    /** Answered recipients out of all recipients; the bar's width is {@link #percent()}. */
    record Progress(int answered, int total) {

        static Progress of(List<RecipientView> recipients) {
            return new Progress((int) recipients.stream().filter(r -> r.state() == RecipientState.ANSWERED).count(),
                    recipients.size());
        }

        public int percent() {
            return total == 0 ? 0 : answered * 100 / total;
        }
    }

    /** @param overdue the agreement's date has passed with recipients unanswered, or a recipient is overdue */
    record AgreementView(String number, String text, String responsible, LocalDate due, boolean overdue,
                         List<RequestView> requests, Progress progress) {
    }

    record RequestView(String reference, String subject, RequestState state, LocalDate replyDue,
                       List<RecipientView> recipients, long daysOverdue) {
    }

    /** @param daysOverdue days past the due date while a reply is awaited; 0 when not overdue */
    record RecipientView(String code, String nameEs, String nameEn, RecipientState state, LocalDate replyDue,
                         LocalDate sentOn, LocalDate answeredOn, long daysOverdue) {

        public boolean overdue() {
            return daysOverdue > 0;
        }

        public String name(String language) {
            return "en".equals(language) ? nameEn : nameEs;
        }
    }
}
