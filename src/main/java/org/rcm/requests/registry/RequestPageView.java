package org.rcm.requests.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the request page shows: the header, the recipients, the open tasks and the timeline, oldest first. */
record RequestPageView(RequestFacts request, List<RecipientRow> recipients, List<RequestHistory.OpenTask> openTasks,
                       List<TimelineEvent> events, ZoneId zone) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * One recipient of the request.
     *
     * @param daysOverdue    days past the due date while a reply is still awaited, otherwise 0
     * @param acknowledgedAt when it confirmed the receipt, or null
     * @param checkContact   long silent since it was sent: the Secretariat should check its contact
     */
    record RecipientRow(String code, String name, String state, LocalDate replyDue, Instant sentAt,
                        Instant answeredAt, long daysOverdue, Instant acknowledgedAt, boolean checkContact) {
    }

    public String tasklistUrl(String taskId) {
        return "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    public String cockpitUrl() {
        return request.processInstanceId() == null ? null
                : "/camunda/app/cockpit/default/#/process-instance/" + request.processInstanceId();
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    public String date(Instant at) {
        return at == null ? "" : at.atZone(zone).toLocalDate().toString();
    }
}
