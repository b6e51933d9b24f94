package org.rcm.requests.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rcm.requests.mail.outbound.MailKind;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;

/**
 * The timers of {@code InteragencyRequest.bpmn} on working days, with the engine's clock fixed ({@code ClockUtil})
 * and the application's following it: a reminder and an overdue follow-up that would fall on a weekend or a holiday
 * of the recipient's country fire on its next working day, and a due date in working days is counted in each
 * recipient's calendar from the day the request is sent. The holidays are the tests' ({@code test-holidays.yaml}):
 * IOM counts in Costa Rica's calendar (15 September, 25 December), UNHCR in Panama's (3 and 10 November).
 */
class WorkingDayTimersProcessTest extends RequestProcessTestBase {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = processEngineExtension();

    @Override
    String deployModels() throws IOException {
        return deploy("*.{bpmn,dmn,form}");
    }

    /** The application's "today" is the engine's: each test sets the engine's clock. */
    @Override
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.systemDefault();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return ClockUtil.getCurrentTime().toInstant();
            }
        };
    }

    @Test
    void reminderDueOnAWeekendOrHolidayWaitsForTheRecipientsNextWorkingDay() {
        // given: on Tuesday 8 September 2026 a request is sent to IOM (Costa Rica's calendar)
        now("2026-09-08T10:00:00");
        ProcessInstance request = sentRequest(dueOn("2026-10-30"), IOM);
        Execution waiting = awaitReplyExecution(request, IOM);

        // then: its first reminder is five working days later: not on the weekend of 12 and 13 September, not on
        // Tuesday 15 September (Independence Day), but on Wednesday 16 September
        Job reminder = timer(BOUNDARY_REMINDER_DUE, waiting.getId());
        assertThat(reminder.getDuedate()).as("the first reminder, five working days of Costa Rica after sending")
                .isEqualTo(at("2026-09-16T10:00:00"));
        for (String notYet : List.of("2026-09-12T12:00:00", "2026-09-13T12:00:00", "2026-09-15T23:00:00")) {
            now(notYet);
            assertThat(dueTimers(BOUNDARY_REMINDER_DUE)).as("no reminder should be due on %s (a weekend or a holiday "
                    + "in Costa Rica)", notYet).isZero();
        }

        // when: Wednesday comes and the reminder fires
        now("2026-09-16T10:00:00");
        assertThat(dueTimers(BOUNDARY_REMINDER_DUE)).as("the reminder should be due on Wednesday").isEqualTo(1);
        execute(reminder);
        runAsyncJobs(request);

        // then: IOM got its reminder, and the next one is five working days on, counted from the first sending
        assertThat(mailed(MailKind.REMINDER)).as("the reminder should go to IOM").containsExactly(IOM);
        assertThat(timer(BOUNDARY_REMINDER_DUE, waiting.getId()).getDuedate()).as("the second reminder")
                .isEqualTo(at("2026-09-23T10:00:00"));
    }

    @Test
    void replyDueOnAHolidayIsOverdueAtTheEndOfTheNextWorkingDay() {
        // given: a request to IOM due on Friday 25 December 2026, Christmas in Costa Rica
        now("2026-12-01T09:00:00");
        ProcessInstance request = sentRequest(dueOn("2026-12-25"), IOM);
        Execution waiting = awaitReplyExecution(request, IOM);

        // then: the reply is overdue at the end of Monday 28 December, not during the holiday or the weekend
        Job overdue = timer(BOUNDARY_REPLY_OVERDUE, waiting.getId());
        assertThat(overdue.getDuedate()).as("IOM's overdue timer").isEqualTo(at("2026-12-28T23:59:59"));
        for (String notYet : List.of("2026-12-26T00:00:00", "2026-12-27T23:59:59", "2026-12-28T23:59:58")) {
            now(notYet);
            assertThat(dueTimers(BOUNDARY_REPLY_OVERDUE)).as("IOM's reply should not be overdue on %s", notYet)
                    .isZero();
        }

        // when: Monday ends without a reply
        now("2026-12-28T23:59:59");
        assertThat(dueTimers(BOUNDARY_REPLY_OVERDUE)).as("IOM's reply should be overdue at the end of Monday")
                .isEqualTo(1);
        execute(overdue);
        runAsyncJobs(request);

        // then: the Secretariat follows it up
        assertThat(recipientTask(request, Elements.FOLLOW_UP, IOM)).as("the follow-up task of IOM").isNotNull();
        assertThat(recipient(IOM).state()).as("IOM's state").isEqualTo(RecipientState.OVERDUE);
    }

    @Test
    void dueDateInWorkingDaysIsCountedInEachRecipientsCalendarFromTheDayTheRequestIsSent() {
        // given: on Friday 30 October 2026 a request to IOM (Costa Rica) and UNHCR (Panama) due in three working days
        now("2026-10-30T09:00:00");
        registry.insert(REFERENCE, validator.validate(new NewRequest(SUBJECT, BODY, List.of(IOM, UNHCR), null,
                "data_collection", "es", Map.of(), Map.of(), "3", null, null)), "officer1");

        // then: until it is sent, each recipient's date counts from today, Panama's over its 3 November holiday
        assertThat(recipient(IOM).replyDue()).as("IOM's provisional due date").isEqualTo(LocalDate.of(2026, 11, 4));
        assertThat(recipient(UNHCR).replyDue()).as("UNHCR's provisional due date")
                .isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(details().replyDue()).as("the request's own due date: the latest")
                .isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(details().replyDueWorkingDays()).as("the working days kept in the registry").isEqualTo(3);

        // when: it is drafted, approved and sent on Monday 9 November
        ProcessInstance request = runtimeService.startProcessInstanceByKey(RequestProcess.KEY, REFERENCE);
        now("2026-11-09T10:00:00");
        send(request);

        // then: the three working days count from Monday: Costa Rica's end on Thursday 12 November, Panama's (10
        // November is a holiday there) on Friday 13 November; each overdue timer waits for its own date
        assertThat(recipient(IOM).replyDue()).as("IOM's due date, counted from sending")
                .isEqualTo(LocalDate.of(2026, 11, 12));
        assertThat(recipient(UNHCR).replyDue()).as("UNHCR's due date, counted from sending")
                .isEqualTo(LocalDate.of(2026, 11, 13));
        assertThat(details().replyDue()).as("the request's due date").isEqualTo(LocalDate.of(2026, 11, 13));
        assertThat(recipientVariable(request, IOM, Variables.RECIPIENT_DUE)).as("IOM's recipientDue")
                .isEqualTo("2026-11-12");
        assertThat(recipientVariable(request, UNHCR, Variables.RECIPIENT_DUE)).as("UNHCR's recipientDue")
                .isEqualTo("2026-11-13");
        assertThat(timer(BOUNDARY_REPLY_OVERDUE, awaitReplyExecution(request, IOM).getId()).getDuedate())
                .as("IOM's overdue timer").isEqualTo(at("2026-11-12T23:59:59"));
        assertThat(timer(BOUNDARY_REPLY_OVERDUE, awaitReplyExecution(request, UNHCR).getId()).getDuedate())
                .as("UNHCR's overdue timer").isEqualTo(at("2026-11-13T23:59:59"));
        assertThat(runtimeService.getVariable(request.getId(), Variables.REPLY_DUE_WORKING_DAYS))
                .as("the forms show the working days").isEqualTo(3);
        assertThat(runtimeService.getVariable(request.getId(), Variables.REPLY_DUE))
                .as("and leave the date field empty").isNull();
    }

    // ---------------------------------------------------------------------------------------------------------

    private NewRequest dueOn(String date) {
        return new NewRequest(SUBJECT, BODY, List.of(IOM), date, "data_collection", "es");
    }

    /** Registers the request, starts it and has it drafted, approved and sent today. */
    private ProcessInstance sentRequest(NewRequest input, String... recipients) {
        registry.insert(REFERENCE, validator.validate(new NewRequest(input.subject(), input.body(),
                List.of(recipients), input.replyDue(), input.kind(), input.language())), "officer1");
        ProcessInstance request = runtimeService.startProcessInstanceByKey(RequestProcess.KEY, REFERENCE);
        send(request);
        return request;
    }

    private void send(ProcessInstance request) {
        completeDraft(request);
        for (String country : TROIKA) {
            decide(request, country, "approve", null);
        }
        runAsyncJobs(request);
        for (String recipient : registry.recipientCodes(REFERENCE)) {
            assertThat(awaitReplyExecution(request, recipient)).as("%s should await its reply", recipient)
                    .isNotNull();
        }
    }

    private long dueTimers(String boundaryEventId) {
        return managementService.createJobQuery().timers().executable().activityId(boundaryEventId).count();
    }

    private static void now(String dateTime) {
        ClockUtil.setCurrentTime(at(dateTime));
    }

    private static Date at(String dateTime) {
        return Date.from(LocalDateTime.parse(dateTime).atZone(ZoneId.systemDefault()).toInstant());
    }
}
