package org.rcm.requests.request;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcm.requests.calendar.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * When a request goes to its recipients ({@code ${replyDueDates.countFromToday(execution)}}): a due date given in
 * working days counts from the day it is sent, not from the day it was drafted, so that the Troika's time is not
 * taken from the recipients'. Each recipient's date is counted again in its own calendar; the request's is the
 * latest. A due date given as a date stays as it is.
 */
@Component("replyDueDates")
public class ReplyDueDates {

    private final RequestRegistry registry;
    private final WorkingDays workingDays;
    private final Clock clock;

    ReplyDueDates(RequestRegistry registry, WorkingDays workingDays, Clock clock) {
        this.registry = registry;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    public void countFromToday(DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
        registry.replyDueWorkingDays(reference).ifPresent(days -> {
            Map<String, LocalDate> dates = workingDays.plusWorkingDays(LocalDate.now(clock), days,
                    registry.recipientCodes(reference));
            dates.forEach((code, due) -> registry.setRecipientDue(reference, code, due));
            dates.values().stream().max(Comparator.naturalOrder())
                    .ifPresent(latest -> registry.setReplyDue(reference, latest));
        });
    }
}
