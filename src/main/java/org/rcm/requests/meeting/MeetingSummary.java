package org.rcm.requests.meeting;

import java.time.LocalDate;

/** A line of the meetings list: the meeting, how many agreements and requests, answered of all recipients. */
record MeetingSummary(String id, String name, String place, LocalDate startsOn, LocalDate endsOn, int agreements,
                      int requests, MeetingView.Progress progress, int overdue) {
}
