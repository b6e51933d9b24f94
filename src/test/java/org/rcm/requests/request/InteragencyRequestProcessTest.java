package org.rcm.requests.request;

import org.rcm.requests.directory.Directory;

import static org.mockito.Mockito.doThrow;

import org.camunda.bpm.engine.runtime.Incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rcm.requests.approval.ApprovalCompletedListener;
import org.rcm.requests.approval.ApprovalTally;
import org.rcm.requests.approval.RecordSilenceDelegate;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;

/**
 * Every path of {@code processes/InteragencyRequest.bpmn} (with {@code Decision_ApprovalRequired.dmn}) on an
 * in-memory engine. The Troika's and the reviewers' listeners are the real classes; registry, mail and start are
 * mocks. Async continuations run through {@link #runAsyncJobs}, timers only when a test fires them.
 */
class InteragencyRequestProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml")
            .build();

    /** Ids of the model that {@link RequestProcess.Elements} does not name (the Java code never needs them). */
    private static final String SUBPROCESS_TROIKA_APPROVAL = "SubProcess_TroikaApproval";
    private static final String SUBPROCESS_PER_RECIPIENT = "SubProcess_PerRecipient";
    private static final String BOUNDARY_APPROVAL_REMINDER_DUE = "BoundaryEvent_ApprovalReminderDue";
    private static final String BOUNDARY_SILENCE_PERIOD_OVER = "BoundaryEvent_SilencePeriodOver";
    private static final String BOUNDARY_REPLY_OVERDUE = "BoundaryEvent_ReplyOverdue";
    private static final String BOUNDARY_REMINDER_DUE = "BoundaryEvent_ReminderDue";
    private static final String END_APPROVAL_REMINDER_SENT = "EndEvent_ApprovalReminderSent";
    private static final String END_SILENCE_RECORDED = "EndEvent_SilenceRecorded";
    private static final String END_REMINDER_SENT = "EndEvent_ReminderSent";

    private static final String REFERENCE = "RCM-2025-0042";
    private static final List<String> TROIKA = List.of("HN", "MX", "SV");
    private static final String IOM = "IOM";
    private static final String UNHCR = "UNHCR";

    private final Clock clock = Clock.systemDefaultZone();
    private final LocalDate today = LocalDate.now(clock);
    private final LocalDate replyDue = today.plusDays(30);

    private ProcessEngine engine;
    private RuntimeService runtimeService;
    private TaskService taskService;
    private ManagementService managementService;
    private HistoryService historyService;
    private RepositoryService repositoryService;
    private String deploymentId;

    private RequestStates requestStates;
    private RequestRegistry registry;
    private Directory directory;
    private JavaDelegate sendRequestMail;
    private JavaDelegate sendReminderMail;
    private JavaDelegate sendClarificationMail;
    private JavaDelegate sendEscalationMail;
    private JavaDelegate sendApprovalReminder;

    /** Who each mail delegate was called for, in order (the recipient, or the Troika country). */
    private final Map<JavaDelegate, List<String>> mailed = new HashMap<>();
    /** The clarification questions the clarification delegate found when it was called. */
    private final List<String> clarificationsSent = new ArrayList<>();
    /** {@code recipient=STATE} for every {@code requestStates.recipient(...)} call, in order. */
    private final List<String> recipientStates = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        engine = ENGINE.getProcessEngine();
        BpmnAwareTests.init(engine);
        runtimeService = engine.getRuntimeService();
        taskService = engine.getTaskService();
        managementService = engine.getManagementService();
        historyService = engine.getHistoryService();
        repositoryService = engine.getRepositoryService();
        registerBeans();
        deploymentId = deployProcessesFolder();
    }

    @AfterEach
    void tearDown() {
        if (deploymentId != null) {
            repositoryService.deleteDeployment(deploymentId, true, true);
        }
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Approval
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void administrativeReminderToMemberCountriesIsSentWithoutTroikaApproval() throws Exception {
        // given: an administrative reminder to member countries only
        ProcessInstance request = startRequest("administrative_reminder", "member_countries", "GT", "CR");

        // when: the draft is completed and the mails go out
        completeDraft(request);
        runAsyncJobs(request);

        // then: the decision table waived the approval, and each recipient got the request and awaits a reply
        assertThat(runtimeService.getVariable(request.getId(), Variables.APPROVAL_REQUIRED))
                .as("Decision_ApprovalRequired should not require approval for an administrative reminder to "
                        + "member countries")
                .isEqualTo(false);
        expect("request without approval should skip the Troika and wait for the replies", () -> assertThat(request)
                .hasPassed(Elements.DECIDE_APPROVAL, Elements.SEND_REQUEST_MAIL)
                .hasNotPassed(SUBPROCESS_TROIKA_APPROVAL, Elements.APPROVE_REQUEST)
                .isWaitingAt(Elements.AWAIT_REPLY));
        assertThat(approvalTasks(request)).as("no Troika approval task should be created").isEmpty();
        assertThat(awaitReplyExecution(request, "GT")).as("GT should await its reply").isNotNull();
        assertThat(awaitReplyExecution(request, "CR")).as("CR should await its reply").isNotNull();
        verify(sendRequestMail, times(2)).execute(any());
        assertThat(mailed.get(sendRequestMail)).as("the request mail should go to each recipient once")
                .containsExactlyInAnyOrder("GT", "CR");
        verify(requestStates, never()).request(any(), eq("IN_APPROVAL"));
        verify(requestStates).request(any(), eq("AWAITING_REPLY"));
    }

    @Test
    void allThreeTroikaApprovalsSendTheRequestToEveryRecipient() throws Exception {
        // given: a request in the Conference's name, drafted
        ProcessInstance request = startRequest("information", "organizations", IOM, UNHCR);
        completeDraft(request);

        // then: each Troika country has its own approval task, and nothing is sent yet
        assertThat(runtimeService.getVariable(request.getId(), Variables.APPROVAL_REQUIRED))
                .as("Decision_ApprovalRequired should require approval for an information request to organizations")
                .isEqualTo(true);
        expect("the request should wait for the Troika's approval", () -> assertThat(request)
                .isWaitingAt(Elements.APPROVE_REQUEST));
        for (String country : TROIKA) {
            assertThat(approvalTask(request, country)).as("the Troika group troika-%s should have an approval task",
                    country).isNotNull();
        }
        verify(requestStates).request(any(), eq("IN_APPROVAL"));

        // when: two approve
        decide(request, "HN", "approve", null);
        decide(request, "MX", "approve", null);
        runAsyncJobs(request);

        // then: the request still waits for the third one
        assertThat(approvalTasks(request)).as("SV's approval should still be open after HN and MX approved")
                .hasSize(1);
        verify(sendRequestMail, never()).execute(any());

        // when: the third approves
        decide(request, "SV", "approve", null);
        runAsyncJobs(request);

        // then: every recipient got the request and awaits its reply
        expect("an approved request should be sent and wait for the replies", () -> assertThat(request)
                .hasPassed(Elements.SEND_REQUEST_MAIL)
                .isWaitingAt(Elements.AWAIT_REPLY)
                .isNotWaitingAt(Elements.APPROVE_REQUEST, Elements.DRAFT_REQUEST));
        assertThat(awaitReplyExecution(request, IOM)).as("IOM should await its reply").isNotNull();
        assertThat(awaitReplyExecution(request, UNHCR)).as("UNHCR should await its reply").isNotNull();
        verify(sendRequestMail, times(2)).execute(any());
        assertThat(mailed.get(sendRequestMail)).as("the request mail should go to each recipient once")
                .containsExactlyInAnyOrder(IOM, UNHCR);
        assertThat(recipientStates).as("both recipients should be marked as awaiting a reply")
                .containsExactlyInAnyOrder(IOM + "=AWAITING_REPLY", UNHCR + "=AWAITING_REPLY");
    }

    @Test
    void changesRequestedReturnsToDrafting() throws Exception {
        // given: a drafted request before the Troika
        ProcessInstance request = startRequest("information", "organizations", IOM);
        completeDraft(request);

        // when: one country asks for changes, the others approve
        decide(request, "HN", "approve", null);
        decide(request, "MX", "changes", "Cite the 2024 declaration");
        decide(request, "SV", "approve", null);

        // then: the request is back at drafting with the comment for the officer, and nothing was sent
        expect("a request with changes asked should go back to drafting", () -> assertThat(request)
                .isWaitingAt(Elements.DRAFT_REQUEST)
                .isNotWaitingAt(Elements.APPROVE_REQUEST));
        assertThat((String) runtimeService.getVariable(request.getId(), Variables.APPROVAL_COMMENTS))
                .as("the officer should see MX's comment at drafting")
                .contains("MX (changes): Cite the 2024 declaration");
        assertThat(runtimeService.getVariable(request.getId(), Variables.CHANGES_REQUESTED))
                .as("changesRequested should be set").isEqualTo(true);
        verify(sendRequestMail, never()).execute(any());

        // when: the officer redrafts and all three approve the new text
        completeDraft(request);
        assertThat(approvalTasks(request)).as("a redrafted request should go to all three Troika countries again")
                .hasSize(3);
        assertThat(runtimeService.getVariable(request.getId(), Variables.APPROVAL_COMMENTS))
                .as("the comments of the earlier round should be cleared when the draft is completed").isNull();
        for (String country : TROIKA) {
            decide(request, country, "approve", null);
        }
        runAsyncJobs(request);

        // then: it is sent
        expect("the approved redraft should be sent and wait for the reply", () -> assertThat(request)
                .isWaitingAt(Elements.AWAIT_REPLY));
        assertThat(passedCount(request, Elements.DRAFT_REQUEST)).as("drafting should have been done twice")
                .isEqualTo(2);
        verify(sendRequestMail, times(1)).execute(any());
    }

    @Test
    void oneRejectionEndsTheRequestAndCancelsTheOtherApprovals() throws Exception {
        // given: a drafted request before the Troika
        ProcessInstance request = startRequest("support", "mixed", IOM, "GT");
        completeDraft(request);

        // when: one approves and one rejects
        decide(request, "HN", "approve", null);
        decide(request, "MX", "reject", "Outside the Conference's mandate");

        // then: the request ends rejected, SV's approval is cancelled and nothing is sent
        expect("a rejected request should end at EndEvent_RequestRejected", () -> assertThat(request)
                .hasPassed(Elements.END_REJECTED)
                .hasNotPassed(Elements.SEND_REQUEST_MAIL, Elements.END_CLOSED)
                .isEnded());
        assertThat(taskService.createTaskQuery().processInstanceId(request.getId()).count())
                .as("no approval task should stay open after a rejection").isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(request.getId())
                .activityId(Elements.APPROVE_REQUEST).canceled().count())
                .as("SV's approval task should have been cancelled").isEqualTo(1);
        assertThat(historicVariable(request, Variables.APPROVAL_REJECTED)).as("approvalRejected should be set")
                .isEqualTo(true);
        verify(requestStates).rejected(any());
        verify(requestStates, never()).closed(any());
        verifyNoInteractions(sendRequestMail);
    }

    @Test
    void changesOrRejectionWithoutCommentIsRefused() throws Exception {
        // given: MX's approval task
        ProcessInstance request = startRequest("invitation", "organizations", IOM);
        completeDraft(request);
        Task task = approvalTask(request, "MX");

        // when / then: asking for changes without a comment is refused
        assertThatThrownBy(() -> complete(task, withVariables(Variables.DECISION, "changes")))
                .as("changes without a comment should be refused")
                .satisfies(e -> assertThat(rootCause(e).getMessage()).startsWith("comment:"));
        // when / then: rejecting with a blank comment is refused
        assertThatThrownBy(() -> complete(task, withVariables(Variables.DECISION, "reject",
                Variables.COMMENT, "   ")))
                .as("a rejection with a blank comment should be refused")
                .satisfies(e -> assertThat(rootCause(e).getMessage()).startsWith("comment:"));

        // then: the task stays open and nothing of the refused decisions was recorded
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count())
                .as("MX's approval task should stay open after a refused decision").isEqualTo(1);
        assertThat(approvalTasks(request)).as("all three approvals should still be open").hasSize(3);
        assertThat(taskService.getVariable(task.getId(), Variables.DECISION))
                .as("the refused decision should not be stored").isNull();
        assertThat(runtimeService.getVariable(request.getId(), Variables.CHANGES_REQUESTED))
                .as("a refused decision should not request changes").isEqualTo(false);
        assertThat(runtimeService.getVariable(request.getId(), Variables.APPROVAL_REJECTED))
                .as("a refused decision should not reject").isEqualTo(false);
        expect("the request should still wait for the Troika", () -> assertThat(request)
                .isWaitingAt(Elements.APPROVE_REQUEST));
    }

    @Test
    void approvalReminderIsSentAndTheApprovalStaysOpen() throws Exception {
        // given: the Troika's approval tasks
        ProcessInstance request = startRequest("information", "organizations", IOM);
        completeDraft(request);
        Task task = approvalTask(request, "HN");

        // when: HN's reminder timer fires
        execute(timer(BOUNDARY_APPROVAL_REMINDER_DUE, task.getExecutionId()));
        runAsyncJobs(request);

        // then: HN got a reminder, and its task is still open
        verify(sendApprovalReminder, times(1)).execute(any());
        assertThat(mailed.get(sendApprovalReminder)).as("the approval reminder should go to HN only")
                .containsExactly("HN");
        expect("the reminder should run beside the open approval", () -> assertThat(request)
                .hasPassed(Elements.SEND_APPROVAL_REMINDER, END_APPROVAL_REMINDER_SENT)
                .isWaitingAt(Elements.APPROVE_REQUEST));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count())
                .as("HN's approval task should stay open after the reminder").isEqualTo(1);
        assertThat(approvalTasks(request)).as("all three approvals should still be open").hasSize(3);
        assertThat(findTimer(BOUNDARY_SILENCE_PERIOD_OVER, task.getExecutionId()))
                .as("HN's silence period should still run after the reminder").isNotNull();
        verify(sendRequestMail, never()).execute(any());
    }

    @Test
    void silenceCountsAsApprovalWhenSilenceIsConsent() throws Exception {
        // given: the Troika's approval tasks
        ProcessInstance request = startRequest("information", "organizations", IOM);
        completeDraft(request);
        Task silent = approvalTask(request, "MX");

        // when: MX's silence period ends and the others approve
        execute(timer(BOUNDARY_SILENCE_PERIOD_OVER, silent.getExecutionId()));
        runAsyncJobs(request);
        assertThat(taskService.createTaskQuery().taskId(silent.getId()).count())
                .as("the silence period should close MX's approval task").isZero();
        decide(request, "HN", "approve", null);
        decide(request, "SV", "approve", null);
        runAsyncJobs(request);

        // then: MX's silence counted as approval and the request was sent
        expect("silence as consent should let the request go out", () -> assertThat(request)
                .hasPassed(Elements.RECORD_SILENCE, END_SILENCE_RECORDED, Elements.SEND_REQUEST_MAIL)
                .hasNotPassed(Elements.END_REJECTED)
                .isWaitingAt(Elements.AWAIT_REPLY));
        assertThat(passedCount(request, Elements.DRAFT_REQUEST)).as("the request should not go back to drafting")
                .isEqualTo(1);
        assertThat((String) runtimeService.getVariable(request.getId(), Variables.APPROVAL_COMMENTS))
                .as("MX's silence should be noted as an approval").contains("MX (approve)");
        assertThat(runtimeService.getVariable(request.getId(), Variables.CHANGES_REQUESTED))
                .as("silence as consent should not request changes").isEqualTo(false);
        verify(sendRequestMail, times(1)).execute(any());
    }

    @Test
    void silenceSendsTheRequestBackToDraftingWhenSilenceIsNotConsent() throws Exception {
        // given: the Troika's approval tasks, where MX's silence does not count as consent
        ProcessInstance request = startRequest("information", "organizations", IOM);
        completeDraft(request);
        String mxApproval = troikaApprovalInstance(request, "MX");
        assertThat(runtimeService.getVariablesLocal(mxApproval)).as("silenceIsConsent should be local to the "
                + "approval instance and true by default").containsEntry(Variables.SILENCE_IS_CONSENT, true);
        runtimeService.setVariableLocal(mxApproval, Variables.SILENCE_IS_CONSENT, false);
        Task silent = approvalTask(request, "MX");

        // when: MX's silence period ends and the others approve
        execute(timer(BOUNDARY_SILENCE_PERIOD_OVER, silent.getExecutionId()));
        runAsyncJobs(request);
        decide(request, "HN", "approve", null);
        decide(request, "SV", "approve", null);
        runAsyncJobs(request);

        // then: the request is back at drafting with a note on MX's silence, and nothing was sent
        expect("silence without consent should send the request back to drafting", () -> assertThat(request)
                .hasPassed(Elements.RECORD_SILENCE)
                .isWaitingAt(Elements.DRAFT_REQUEST)
                .isNotWaitingAt(Elements.AWAIT_REPLY));
        assertThat((String) runtimeService.getVariable(request.getId(), Variables.APPROVAL_COMMENTS))
                .as("MX's silence should be noted as a request for changes").contains("MX (changes)");
        assertThat(runtimeService.getVariable(request.getId(), Variables.CHANGES_REQUESTED))
                .as("changesRequested should be set by MX's silence").isEqualTo(true);
        verify(sendRequestMail, never()).execute(any());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Waiting for replies
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void replyReminderIsSentWhileTheRecipientStillAwaitsItsReply() throws Exception {
        // given: a request awaiting IOM's reply
        ProcessInstance request = sentRequest(IOM);
        Execution waiting = awaitReplyExecution(request, IOM);
        Job reminder = timer(BOUNDARY_REMINDER_DUE, waiting.getId());

        // when: the reminder cycle fires at its due time
        ClockUtil.setCurrentTime(reminder.getDuedate());
        execute(reminder);
        runAsyncJobs(request);

        // then: IOM got a reminder, still awaits its reply, and the next reminder is scheduled
        verify(sendReminderMail, times(1)).execute(any());
        assertThat(mailed.get(sendReminderMail)).as("the reminder should go to IOM").containsExactly(IOM);
        expect("the reminder should not end the wait for the reply", () -> assertThat(request)
                .hasPassed(Elements.SEND_REMINDER_MAIL, END_REMINDER_SENT)
                .isWaitingAt(Elements.AWAIT_REPLY)
                .hasNotPassed(Elements.FOLLOW_UP));
        assertThat(awaitReplyExecution(request, IOM).getId()).as("IOM should still wait in the same receive task")
                .isEqualTo(waiting.getId());
        Job next = timer(BOUNDARY_REMINDER_DUE, waiting.getId());
        assertThat(next.getDuedate()).as("the next reminder should be scheduled after the one that fired")
                .isAfter(reminder.getDuedate());
        assertThat(findTimer(BOUNDARY_REPLY_OVERDUE, waiting.getId()))
                .as("the overdue timer should still run after a reminder").isNotNull();
        assertThat(recipientStates).as("a reminder should not make IOM overdue")
                .doesNotContain(IOM + "=OVERDUE");
    }

    @Test
    void overdueReplyExtendedWaitsUntilTheNewDueDate() throws Exception {
        // given: IOM's reply is overdue
        ProcessInstance request = sentRequest(IOM);
        Task followUp = overdue(request, IOM);
        LocalDate newDue = today.plusDays(60);

        // when: the officer extends the due date
        complete(followUp, withVariables(Variables.ACTION, "extend", Variables.NEW_DUE_DATE, newDue.toString()));
        runAsyncJobs(request);

        // then: IOM awaits its reply again until the new date, and the registry knows it
        expect("an extended recipient should wait again", () -> assertThat(request)
                .isWaitingAt(Elements.AWAIT_REPLY)
                .isNotWaitingAt(Elements.FOLLOW_UP)
                .hasNotPassed(Elements.SEND_FOLLOW_UP_REMINDER, Elements.SEND_ESCALATION_MAIL));
        Execution waiting = awaitReplyExecution(request, IOM);
        assertThat(waiting).as("IOM should await its reply again").isNotNull();
        assertThat(recipientVariable(request, IOM, Variables.RECIPIENT_DUE)).as("recipientDue should be the new date")
                .isEqualTo(newDue.toString());
        assertThat(timer(BOUNDARY_REPLY_OVERDUE, waiting.getId()).getDuedate())
                .as("the overdue timer should be due at the end of the new due date")
                .isEqualTo(endOf(newDue));
        verify(registry).setRecipientDue(REFERENCE, IOM, newDue);
        verify(sendReminderMail, never()).execute(any());
        verify(sendEscalationMail, never()).execute(any());
    }

    @Test
    void failedSendIsRetriedAndThenBecomesAnIncident() throws Exception {
        // given: an approved request, and a mail server that refuses every message
        doThrow(new IllegalStateException("mail server down")).when(sendRequestMail).execute(any());
        ProcessInstance request = startRequest("data_collection", "organizations", IOM);
        completeDraft(request);
        for (String country : TROIKA) {
            decide(request, country, "approve", null);
        }

        // when: the send job fails on every try
        int tries = 0;
        for (Job job; (job = sendJobWithRetriesLeft(request)) != null && tries < 20; tries++) {
            try {
                managementService.executeJob(job.getId());
            } catch (IllegalStateException expected) {
                // the engine reports the failure and schedules the next try
            }
        }

        // then: it was tried again along the model's back-off cycle, and the last failure is an incident
        assertThat(tries).as("tries of the send job before the incident").isGreaterThan(1).isLessThan(20);
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(request.getId()).singleResult();
        assertThat(incident).as("incident after the last try").isNotNull();
        assertThat(incident.getActivityId()).as("activity of the incident").isEqualTo(Elements.SEND_REQUEST_MAIL);
        assertThat(incident.getIncidentMessage()).as("incident message").contains("mail server down");
        expect("the request should still be at the send step", () -> assertThat(request).isActive()
                .isNotWaitingAt(Elements.AWAIT_REPLY));
    }

    private Job sendJobWithRetriesLeft(ProcessInstance request) {
        return managementService.createJobQuery().processInstanceId(request.getId())
                .activityId(Elements.SEND_REQUEST_MAIL).withRetriesLeft().singleResult();
    }

    @Test
    void overdueReplyRemindedSendsAReminderAndWaitsAgain() throws Exception {
        // given: IOM's reply is overdue
        ProcessInstance request = sentRequest(IOM);
        Task followUp = overdue(request, IOM);
        LocalDate newDue = today.plusDays(14);

        // when: the officer sends a reminder now
        complete(followUp, withVariables(Variables.ACTION, "remind", Variables.NEW_DUE_DATE, newDue.toString()));
        runAsyncJobs(request);

        // then: IOM got a reminder and awaits its reply until the new date
        verify(sendReminderMail, times(1)).execute(any());
        assertThat(mailed.get(sendReminderMail)).as("the follow-up reminder should go to IOM").containsExactly(IOM);
        expect("a reminded recipient should wait again", () -> assertThat(request)
                .hasPassed(Elements.SEND_FOLLOW_UP_REMINDER)
                .hasNotPassed(Elements.SEND_ESCALATION_MAIL)
                .isWaitingAt(Elements.AWAIT_REPLY));
        Execution waiting = awaitReplyExecution(request, IOM);
        assertThat(timer(BOUNDARY_REPLY_OVERDUE, waiting.getId()).getDuedate())
                .as("the overdue timer should be due at the end of the new due date").isEqualTo(endOf(newDue));
        verify(registry).setRecipientDue(REFERENCE, IOM, newDue);
        verify(sendEscalationMail, never()).execute(any());
    }

    @Test
    void overdueReplyEscalatedNotifiesTheTroikaAndWaitsAgain() throws Exception {
        // given: IOM's reply is overdue
        ProcessInstance request = sentRequest(IOM);
        Task followUp = overdue(request, IOM);
        LocalDate newDue = today.plusDays(10);

        // when: the officer escalates to the Troika
        complete(followUp, withVariables(Variables.ACTION, "escalate", Variables.NEW_DUE_DATE, newDue.toString()));
        runAsyncJobs(request);

        // then: the escalation about IOM was sent and IOM awaits its reply again
        verify(sendEscalationMail, times(TROIKA.size())).execute(any());
        assertThat(mailed.get(sendEscalationMail)).as("each Troika country should be told about IOM, in a job of its own")
                .containsExactly(IOM, IOM, IOM);
        expect("an escalated recipient should wait again", () -> assertThat(request)
                .hasPassed(Elements.SEND_ESCALATION_MAIL)
                .hasNotPassed(Elements.SEND_FOLLOW_UP_REMINDER)
                .isWaitingAt(Elements.AWAIT_REPLY));
        assertThat(awaitReplyExecution(request, IOM)).as("IOM should await its reply again").isNotNull();
        assertThat(recipientVariable(request, IOM, Variables.RECIPIENT_DUE)).as("recipientDue should be the new date")
                .isEqualTo(newDue.toString());
        verify(sendReminderMail, never()).execute(any());
    }

    @Test
    void overdueRecipientClosedUnansweredClosesTheRequest() throws Exception {
        // given: the only recipient's reply is overdue
        ProcessInstance request = sentRequest(IOM);
        Task followUp = overdue(request, IOM);

        // when: the officer closes it unanswered (no new due date needed)
        complete(followUp, withVariables(Variables.ACTION, "close"));

        // then: the recipient is closed unanswered and with it the request
        expect("closing the only recipient should close the request", () -> assertThat(request)
                .hasPassed(Elements.END_RECIPIENT_CLOSED, Elements.END_CLOSED)
                .hasNotPassed(Elements.END_RECIPIENT_ANSWERED, Elements.REVIEW_REPLY)
                .isEnded());
        assertThat(recipientStates).as("IOM should be marked overdue, then closed unanswered")
                .containsSubsequence(IOM + "=OVERDUE", IOM + "=CLOSED_UNANSWERED");
        verify(requestStates, times(1)).closed(any());
        verify(registry, never()).setRecipientDue(anyString(), anyString(), any());
    }

    @Test
    void followUpWithoutAValidFutureDueDateIsRefused() throws Exception {
        // given: IOM's reply is overdue
        ProcessInstance request = sentRequest(IOM);
        Task followUp = overdue(request, IOM);

        // when / then: extending without a date, with today, a past date or no date at all is refused
        for (String refused : Arrays.asList(null, "", "next week", today.toString(), today.minusDays(3).toString())) {
            Map<String, Object> variables = withVariables(Variables.ACTION, "extend");
            variables.put(Variables.NEW_DUE_DATE, refused);
            assertThatThrownBy(() -> complete(followUp, variables))
                    .as("extend with newDueDate '%s' should be refused", refused)
                    .satisfies(e -> assertThat(rootCause(e).getMessage()).startsWith("newDueDate:"));
        }
        // when / then: an unknown action is refused
        assertThatThrownBy(() -> complete(followUp, withVariables(Variables.ACTION, "postpone",
                Variables.NEW_DUE_DATE, today.plusDays(5).toString())))
                .as("an unknown follow-up action should be refused")
                .satisfies(e -> assertThat(rootCause(e).getMessage()).startsWith("action:"));

        // then: the follow-up task stays open and the due date is unchanged
        assertThat(taskService.createTaskQuery().taskId(followUp.getId()).count())
                .as("the follow-up task should stay open after a refused decision").isEqualTo(1);
        expect("the request should still wait at the follow-up",
                () -> assertThat(request).isWaitingAt(Elements.FOLLOW_UP));
        assertThat(recipientVariable(request, IOM, Variables.RECIPIENT_DUE))
                .as("a refused follow-up should not change recipientDue").isEqualTo(replyDue.toString());
        verify(registry, never()).setRecipientDue(anyString(), anyString(), any());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Replies
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void acceptedReplyAnswersTheRecipientAndClosesTheRequest() throws Exception {
        // given: a request awaiting IOM's reply
        ProcessInstance request = sentRequest(IOM);

        // when: IOM replies
        replyFrom(request, IOM);

        // then: the reply is under review and IOM's reminder and overdue timers are gone
        expect("a reply should be reviewed", () -> assertThat(request).isWaitingAt(Elements.REVIEW_REPLY)
                .isNotWaitingAt(Elements.AWAIT_REPLY));
        assertThat(managementService.createJobQuery().processInstanceId(request.getId()).timers().count())
                .as("no reminder or overdue timer should run once the reply has arrived").isZero();

        // when: the reviewer accepts the reply
        Task review = reviewTask(request, IOM);
        complete(review, withVariables(Variables.OUTCOME, "accept"));

        // then: IOM is answered and the request closed
        expect("an accepted reply of the only recipient should close the request", () -> assertThat(request)
                .hasPassed(Elements.REVIEW_REPLY, Elements.END_RECIPIENT_ANSWERED, Elements.END_CLOSED)
                .hasNotPassed(Elements.SEND_CLARIFICATION_MAIL, Elements.FOLLOW_UP)
                .isEnded());
        assertThat(recipientStates).as("IOM should go from awaiting to review to answered")
                .containsExactly(IOM + "=AWAITING_REPLY", IOM + "=UNDER_REVIEW", IOM + "=ANSWERED");
        verify(requestStates, times(1)).closed(any());
        verify(sendClarificationMail, never()).execute(any());
    }

    @Test
    void clarificationIsSentAndTheNextReplyAccepted() throws Exception {
        // given: IOM's reply under review
        ProcessInstance request = sentRequest(IOM);
        replyFrom(request, IOM);

        // when: the reviewer asks a question
        complete(reviewTask(request, IOM), withVariables(Variables.OUTCOME, "clarify",
                Variables.CLARIFICATION, "Please confirm the 2024 figures"));
        runAsyncJobs(request);

        // then: the question went to IOM, who awaits a reply again
        verify(sendClarificationMail, times(1)).execute(any());
        assertThat(mailed.get(sendClarificationMail)).as("the clarification should go to IOM").containsExactly(IOM);
        assertThat(clarificationsSent).as("the clarification mail should carry the reviewer's question")
                .containsExactly("Please confirm the 2024 figures");
        expect("after a clarification IOM should await a reply again", () -> assertThat(request)
                .hasPassed(Elements.SEND_CLARIFICATION_MAIL)
                .isWaitingAt(Elements.AWAIT_REPLY)
                .isNotEnded());

        // when: IOM replies again and the reviewer accepts
        replyFrom(request, IOM);
        complete(reviewTask(request, IOM), withVariables(Variables.OUTCOME, "accept"));

        // then: the request is closed with IOM answered
        expect("the accepted second reply should close the request", () -> assertThat(request)
                .hasPassed(Elements.END_RECIPIENT_ANSWERED, Elements.END_CLOSED)
                .isEnded());
        assertThat(passedCount(request, Elements.REVIEW_REPLY)).as("two replies should have been reviewed")
                .isEqualTo(2);
        verify(sendClarificationMail, times(1)).execute(any());
        verify(requestStates, times(1)).closed(any());
    }

    @Test
    void clarificationWithoutAQuestionIsRefused() throws Exception {
        // given: IOM's reply under review
        ProcessInstance request = sentRequest(IOM);
        replyFrom(request, IOM);
        Task review = reviewTask(request, IOM);

        // when / then: clarify without a question, and an unknown outcome, are refused
        assertThatThrownBy(() -> complete(review, withVariables(Variables.OUTCOME, "clarify")))
                .as("clarify without a question should be refused")
                .satisfies(e -> assertThat(rootCause(e).getMessage()).startsWith("clarification:"));
        assertThatThrownBy(() -> complete(review, withVariables(Variables.OUTCOME, "maybe")))
                .as("an unknown review outcome should be refused")
                .satisfies(e -> assertThat(rootCause(e).getMessage()).startsWith("outcome:"));

        // then: the review stays open and no mail went out
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count())
                .as("the review task should stay open after a refused outcome").isEqualTo(1);
        expect("the request should still wait at the review",
                () -> assertThat(request).isWaitingAt(Elements.REVIEW_REPLY));
        verify(sendClarificationMail, never()).execute(any());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Several recipients
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void requestClosesOnceBothRecipientsEndWithDifferentOutcomes() throws Exception {
        // given: a request awaiting the replies of IOM and UNHCR
        ProcessInstance request = sentRequest(IOM, UNHCR);

        // when: IOM replies and its reply is accepted
        replyFrom(request, IOM);
        complete(reviewTask(request, IOM), withVariables(Variables.OUTCOME, "accept"));

        // then: IOM is answered, UNHCR still awaits its reply and the request stays open
        expect("the request should stay open while UNHCR has not ended", () -> assertThat(request)
                .hasPassed(Elements.END_RECIPIENT_ANSWERED)
                .hasNotPassed(Elements.END_CLOSED)
                .isWaitingAt(Elements.AWAIT_REPLY)
                .isNotEnded());
        assertThat(awaitReplyExecution(request, IOM)).as("IOM should no longer await a reply").isNull();
        assertThat(awaitReplyExecution(request, UNHCR)).as("IOM's reply should not end UNHCR's wait").isNotNull();
        verify(requestStates, never()).closed(any());

        // when: UNHCR's reply is overdue and the officer closes it unanswered
        complete(overdue(request, UNHCR), withVariables(Variables.ACTION, "close"));

        // then: the request closes, once
        expect("the request should close when both recipients have ended", () -> assertThat(request)
                .hasPassed(Elements.END_RECIPIENT_ANSWERED, Elements.END_RECIPIENT_CLOSED, Elements.END_CLOSED)
                .isEnded());
        assertThat(recipientStates).as("IOM should end answered and UNHCR closed unanswered")
                .contains(IOM + "=ANSWERED", UNHCR + "=CLOSED_UNANSWERED")
                .doesNotContain(IOM + "=CLOSED_UNANSWERED", UNHCR + "=ANSWERED");
        verify(requestStates, times(1)).closed(any());
    }

    @Test
    void followUpOfOneRecipientDoesNotTouchTheOther() throws Exception {
        // given: a request awaiting the replies of IOM and UNHCR
        ProcessInstance request = sentRequest(IOM, UNHCR);
        Date iomOverdueAt = timer(BOUNDARY_REPLY_OVERDUE, awaitReplyExecution(request, IOM).getId()).getDuedate();
        LocalDate newDue = today.plusDays(45);

        // when: UNHCR's reply is overdue and the officer extends it
        complete(overdue(request, UNHCR), withVariables(Variables.ACTION, "extend",
                Variables.NEW_DUE_DATE, newDue.toString()));
        runAsyncJobs(request);

        // then: only UNHCR's due date moved; IOM's variables and timer are as before
        assertThat(recipientVariable(request, UNHCR, Variables.RECIPIENT_DUE))
                .as("UNHCR's recipientDue should be the new date").isEqualTo(newDue.toString());
        assertThat(recipientVariable(request, IOM, Variables.RECIPIENT_DUE))
                .as("IOM's recipientDue should not change when UNHCR is extended").isEqualTo(replyDue.toString());
        assertThat(recipientVariable(request, UNHCR, Variables.ACTION)).as("UNHCR's follow-up action")
                .isEqualTo("extend");
        assertThat(recipientVariable(request, IOM, Variables.ACTION))
                .as("UNHCR's follow-up action should not reach IOM's instance").isNull();
        assertThat(runtimeService.getVariablesLocal(request.getId()))
                .as("the follow-up variables should stay in the recipient's instance, not the process")
                .doesNotContainKeys(Variables.RECIPIENT_DUE, Variables.ACTION, Variables.NEW_DUE_DATE);
        assertThat(timer(BOUNDARY_REPLY_OVERDUE, awaitReplyExecution(request, IOM).getId()).getDuedate())
                .as("IOM's overdue timer should be unchanged").isEqualTo(iomOverdueAt);
        assertThat(timer(BOUNDARY_REPLY_OVERDUE, awaitReplyExecution(request, UNHCR).getId()).getDuedate())
                .as("UNHCR's overdue timer should follow the new date").isEqualTo(endOf(newDue));
        verify(registry).setRecipientDue(REFERENCE, UNHCR, newDue);
        verify(registry, never()).setRecipientDue(anyString(), eq(IOM), any());
        assertThat(recipientStates).as("only UNHCR should have been overdue").contains(UNHCR + "=OVERDUE")
                .doesNotContain(IOM + "=OVERDUE");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Delivery failures
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void bouncedRequestIsSentAgainToTheCorrectedAddress() throws Exception {
        // given: a request awaiting IOM's reply, and IOM's address bounced
        ProcessInstance request = sentRequest(IOM);
        deliveryFailed(IOM, "5.1.1 user unknown");
        Task correct = recipientTask(request, Elements.CORRECT_CONTACT, IOM);
        assertThat(taskService.getVariable(correct.getId(), Variables.BOUNCE_REASON)).as("bounce reason on the task")
                .isEqualTo("5.1.1 user unknown");

        // when: the officer corrects the address
        complete(correct, withVariables(Variables.CONTACT_ACTION, "resend", Variables.CORRECTED_EMAIL,
                "new.focal@iom.example.org"));
        runAsyncJobs(request);

        // then: the directory has the new address, the request went out again, and IOM awaits its reply
        verify(directory).updateContactEmail(IOM, "new.focal@iom.example.org");
        expect("a corrected recipient should get the request again and wait", () -> assertThat(request)
                .hasPassed(Elements.RESEND_REQUEST_MAIL).isWaitingAt(Elements.AWAIT_REPLY));
        assertThat(mailed.get(sendRequestMail)).as("request mails").containsExactly(IOM, IOM);
        assertThat(recipientStates).as("IOM states").contains(IOM + "=UNDELIVERABLE");
    }

    @Test
    void unreachableRecipientIsClosedAndTheRequestEnds() throws Exception {
        // given: IOM's address bounced
        ProcessInstance request = sentRequest(IOM);
        deliveryFailed(IOM, "5.1.1 user unknown");

        // when: the officer has no other address and closes the recipient
        complete(recipientTask(request, Elements.CORRECT_CONTACT, IOM), withVariables(Variables.CONTACT_ACTION,
                "close"));

        // then: the recipient ends unreachable and the request closes
        expect("an unreachable only recipient should close the request", () -> assertThat(request)
                .hasPassed(Elements.END_RECIPIENT_UNDELIVERABLE, Elements.END_CLOSED)
                .hasNotPassed(Elements.RESEND_REQUEST_MAIL).isEnded());
        verify(directory, never()).updateContactEmail(anyString(), anyString());
    }

    @Test
    void correctedContactMustBeAnAddress() throws Exception {
        // given: IOM's address bounced
        ProcessInstance request = sentRequest(IOM);
        deliveryFailed(IOM, "5.1.1 user unknown");
        Task correct = recipientTask(request, Elements.CORRECT_CONTACT, IOM);

        // when / then: an address that is none is refused and the task stays
        assertThatThrownBy(() -> taskService.complete(correct.getId(), withVariables(Variables.CONTACT_ACTION,
                "resend", Variables.CORRECTED_EMAIL, "not an address")))
                .as("completing with a bad address").hasMessageContaining("correctedEmail");
        expect("the correction should still wait", () -> assertThat(request).isWaitingAt(Elements.CORRECT_CONTACT));
    }

    private void deliveryFailed(String recipient, String reason) {
        runtimeService.createMessageCorrelation(RequestProcess.MESSAGE_DELIVERY_FAILED)
                .processInstanceBusinessKey(REFERENCE)
                .localVariableEquals(Variables.CORRELATION_KEY, RequestProcess.correlationKey(REFERENCE, recipient))
                .setVariable(Variables.BOUNCE_REASON, reason)
                .correlate();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Every service task: retries, then an incident, and the request stays where it was
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void failedReminderBecomesAnIncidentWhileTheRecipientStillWaits() throws Exception {
        doThrow(new IllegalStateException("mail server down")).when(sendReminderMail).execute(any());
        ProcessInstance request = sentRequest(IOM);

        execute(timer(BOUNDARY_REMINDER_DUE, awaitReplyExecution(request, IOM).getId()));

        failsUntilIncident(request, Elements.SEND_REMINDER_MAIL);
        assertThat(awaitReplyExecution(request, IOM)).as("IOM should still await its reply").isNotNull();
    }

    @Test
    void failedFollowUpReminderBecomesAnIncident() throws Exception {
        doThrow(new IllegalStateException("mail server down")).when(sendReminderMail).execute(any());
        ProcessInstance request = sentRequest(IOM);

        complete(overdue(request, IOM), withVariables(Variables.ACTION, "remind", Variables.NEW_DUE_DATE,
                today.plusDays(7).toString()));

        failsUntilIncident(request, Elements.SEND_FOLLOW_UP_REMINDER);
    }

    @Test
    void failedEscalationBecomesAnIncidentPerTroikaCountry() throws Exception {
        doThrow(new IllegalStateException("mail server down")).when(sendEscalationMail).execute(any());
        ProcessInstance request = sentRequest(IOM);

        complete(overdue(request, IOM), withVariables(Variables.ACTION, "escalate", Variables.NEW_DUE_DATE,
                today.plusDays(7).toString()));

        failsUntilIncident(request, Elements.SEND_ESCALATION_MAIL);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(request.getId())
                .activityId(Elements.SEND_ESCALATION_MAIL).count()).as("one incident per Troika country")
                .isEqualTo(TROIKA.size());
    }

    @Test
    void failedClarificationBecomesAnIncident() throws Exception {
        doThrow(new IllegalStateException("mail server down")).when(sendClarificationMail).execute(any());
        ProcessInstance request = sentRequest(IOM);
        replyFrom(request, IOM);

        complete(reviewTask(request, IOM), withVariables(Variables.OUTCOME, "clarify", Variables.CLARIFICATION,
                "¿Incluye 2015?"));

        failsUntilIncident(request, Elements.SEND_CLARIFICATION_MAIL);
    }

    @Test
    void failedApprovalReminderBecomesAnIncidentWhileTheApprovalStaysOpen() throws Exception {
        doThrow(new IllegalStateException("mail server down")).when(sendApprovalReminder).execute(any());
        ProcessInstance request = startRequest("information", "organizations", IOM);
        completeDraft(request);
        Task task = approvalTask(request, "HN");

        execute(timer(BOUNDARY_APPROVAL_REMINDER_DUE, task.getExecutionId()));

        failsUntilIncident(request, Elements.SEND_APPROVAL_REMINDER);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("HN's approval task").isEqualTo(1);
    }

    @Test
    void failedSilenceRecordBecomesAnIncident() {
        Mocks.register("recordSilenceDelegate", (JavaDelegate) execution -> {
            throw new IllegalStateException("database down");
        });
        ProcessInstance request = startRequest("information", "organizations", IOM);
        completeDraft(request);

        execute(timer(BOUNDARY_SILENCE_PERIOD_OVER, approvalTask(request, "MX").getExecutionId()));

        failsUntilIncident(request, Elements.RECORD_SILENCE);
    }

    @Test
    void failedResendBecomesAnIncident() throws Exception {
        ProcessInstance request = sentRequest(IOM);
        doThrow(new IllegalStateException("mail server down")).when(sendRequestMail).execute(any());
        deliveryFailed(IOM, "5.1.1 user unknown");

        complete(recipientTask(request, Elements.CORRECT_CONTACT, IOM), withVariables(Variables.CONTACT_ACTION,
                "resend", Variables.CORRECTED_EMAIL, "new.focal@iom.example.org"));

        failsUntilIncident(request, Elements.RESEND_REQUEST_MAIL);
    }

    /** Runs the jobs of a failing step until their retries are used up, and expects the incident it ends in. */
    private void failsUntilIncident(ProcessInstance request, String activityId) {
        int tries = 0;
        for (Job job; (job = managementService.createJobQuery().processInstanceId(request.getId())
                .activityId(activityId).withRetriesLeft().listPage(0, 1).stream().findFirst().orElse(null)) != null
                && tries < 50; tries++) {
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the engine records the failure and schedules the next try
            }
        }
        assertThat(tries).as("tries of %s before its incident", activityId).isGreaterThan(1).isLessThan(50);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(request.getId()).activityId(activityId)
                .count()).as("incidents at %s", activityId).isPositive();
        expect("the request should still run, held at " + activityId, () -> assertThat(request).isActive());
    }

    // ---------------------------------------------------------------------------------------------------------
    // The names the Java code shares with the model
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void everyElementIdOfRequestProcessNamesAnElementOfTheModel() throws Exception {
        // given: the deployed model
        String definitionId = repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId)
                .processDefinitionKey(RequestProcess.KEY).singleResult().getId();
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definitionId);

        // when: the ids of RequestProcess.Elements are looked up in it
        List<String> missing = new ArrayList<>();
        for (Field field : Elements.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && model.getModelElementById((String) field.get(null)) == null) {
                missing.add(field.getName() + " = " + field.get(null));
            }
        }

        // then: every one exists, so that a renamed element breaks the build, not a running request
        assertThat(missing).as("RequestProcess.Elements constants that name no element of %s", RequestProcess.KEY)
                .isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Set-up
    // ---------------------------------------------------------------------------------------------------------

    private void registerBeans() {
        // The real start listener validates and registers the request; here the test passes its variables.
        Mocks.register("requestStartListener", (ExecutionListener) execution -> { });
        // What the real DraftCompletedListener does to the Troika's variables: it starts afresh.
        Mocks.register("draftCompletedListener", (TaskListener) task -> {
            task.getExecution().setVariable(Variables.APPROVAL_REJECTED, false);
            task.getExecution().setVariable(Variables.CHANGES_REQUESTED, false);
            task.getExecution().removeVariable(Variables.APPROVAL_COMMENTS);
        });
        Mocks.register("approvalCompletedListener", new ApprovalCompletedListener(new ApprovalTally()));
        Mocks.register("recordSilenceDelegate", new RecordSilenceDelegate(new ApprovalTally()));
        registry = mock(RequestRegistry.class);
        Mocks.register("followUpCompletedListener", new FollowUpCompletedListener(registry, clock));
        Mocks.register("reviewCompletedListener", new ReviewCompletedListener());
        directory = mock(Directory.class);
        Mocks.register("contactCorrectedListener", new ContactCorrectedListener(directory));

        requestStates = mock(RequestStates.class);
        doAnswer(call -> recipientStates.add(((DelegateExecution) call.getArgument(0))
                .getVariable(Variables.RECIPIENT) + "=" + call.getArgument(1)))
                .when(requestStates).recipient(any(), anyString());
        Mocks.register("requestStates", requestStates);

        sendRequestMail = mailDelegate("sendRequestMailDelegate", Variables.RECIPIENT);
        sendReminderMail = mailDelegate("sendReminderMailDelegate", Variables.RECIPIENT);
        sendClarificationMail = mailDelegate("sendClarificationMailDelegate", Variables.RECIPIENT);
        sendEscalationMail = mailDelegate("sendEscalationMailDelegate", Variables.RECIPIENT);
        sendApprovalReminder = mailDelegate("sendApprovalReminderDelegate", Variables.TROIKA_COUNTRY);
    }

    /** A mocked mail delegate that notes who it was called for (and a clarification's question). */
    private JavaDelegate mailDelegate(String beanName, String addresseeVariable) {
        JavaDelegate delegate = mock(JavaDelegate.class, beanName);
        List<String> calls = new ArrayList<>();
        mailed.put(delegate, calls);
        try {
            doAnswer(call -> {
                DelegateExecution execution = call.getArgument(0);
                calls.add((String) execution.getVariable(addresseeVariable));
                if ("sendClarificationMailDelegate".equals(beanName)) {
                    clarificationsSent.add((String) execution.getVariable(Variables.CLARIFICATION));
                }
                return null;
            }).when(delegate).execute(any());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Mocks.register(beanName, delegate);
        return delegate;
    }

    /** The real files of {@code processes/}, as the application deploys them. */
    private String deployProcessesFolder() throws IOException {
        DeploymentBuilder deployment = repositoryService.createDeployment().name("process-test");
        List<InputStream> streams = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("processes"), "*.{bpmn,dmn,form}")) {
            for (Path file : files) {
                InputStream stream = Files.newInputStream(file);
                streams.add(stream);
                deployment.addInputStream(file.getFileName().toString(), stream);
            }
        }
        try {
            return deployment.deploy().getId();
        } finally {
            for (InputStream stream : streams) {
                stream.close();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Driving the process
    // ---------------------------------------------------------------------------------------------------------

    /** Starts a request with the variables the real start listener would leave; it waits at drafting. */
    private ProcessInstance startRequest(String kind, String recipientScope, String... recipients) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.REFERENCE, REFERENCE);
        variables.put(Variables.SUBJECT, "Data on returned migrants");
        variables.put(Variables.BODY, "The Technical Secretariat kindly asks for the 2024 figures.");
        variables.put(Variables.RECIPIENT_LIST, new ArrayList<>(List.of(recipients)));
        variables.put(Variables.REPLY_DUE, replyDue.toString());
        variables.put(Variables.KIND, kind);
        variables.put(Variables.LANGUAGE, "es");
        variables.put(Variables.RECIPIENT_SCOPE, recipientScope);
        variables.put(Variables.TROIKA_COUNTRIES, new ArrayList<>(TROIKA));
        variables.put(Variables.APPROVAL_REJECTED, false);
        variables.put(Variables.CHANGES_REQUESTED, false);
        ProcessInstance request = runtimeService.startProcessInstanceByKey(RequestProcess.KEY, REFERENCE, variables);
        expect("a new request should wait at drafting", () -> assertThat(request).isStarted()
                .hasBusinessKey(REFERENCE)
                .isWaitingAtExactly(Elements.DRAFT_REQUEST));
        return request;
    }

    /** A request to organizations approved by all three Troika countries, awaiting the recipients' replies. */
    private ProcessInstance sentRequest(String... recipients) {
        ProcessInstance request = startRequest("data_collection", "organizations", recipients);
        completeDraft(request);
        for (String country : TROIKA) {
            decide(request, country, "approve", null);
        }
        runAsyncJobs(request);
        for (String recipient : recipients) {
            assertThat(awaitReplyExecution(request, recipient)).as("%s should await its reply", recipient)
                    .isNotNull();
        }
        return request;
    }

    private void completeDraft(ProcessInstance request) {
        Task draft = taskService.createTaskQuery().processInstanceId(request.getId())
                .taskDefinitionKey(Elements.DRAFT_REQUEST).singleResult();
        assertThat(draft).as("the request should have a drafting task").isNotNull();
        complete(draft);
    }

    private List<Task> approvalTasks(ProcessInstance request) {
        return taskService.createTaskQuery().processInstanceId(request.getId())
                .taskDefinitionKey(Elements.APPROVE_REQUEST).list();
    }

    private Task approvalTask(ProcessInstance request, String country) {
        Task task = taskService.createTaskQuery().processInstanceId(request.getId())
                .taskDefinitionKey(Elements.APPROVE_REQUEST).taskCandidateGroup("troika-" + country).singleResult();
        assertThat(task).as("troika-%s should have an open approval task", country).isNotNull();
        assertThat(taskService.getVariable(task.getId(), Variables.TROIKA_COUNTRY))
                .as("the approval task of troika-%s should be for %s", country, country).isEqualTo(country);
        return task;
    }

    private void decide(ProcessInstance request, String country, String decision, String comment) {
        Map<String, Object> variables = withVariables(Variables.DECISION, decision);
        if (comment != null) {
            variables.put(Variables.COMMENT, comment);
        }
        complete(approvalTask(request, country), variables);
    }

    /** The scope execution of the Troika approval sub-process instance of one country (it holds the inputs). */
    private String troikaApprovalInstance(ProcessInstance request, String country) {
        return subProcessInstance(request, SUBPROCESS_TROIKA_APPROVAL, Variables.TROIKA_COUNTRY, country);
    }

    /**
     * The scope execution of the multi-instance sub-process instance whose element variable has the given value.
     * Its input mappings are local to it; the element variable itself sits on its parent (concurrent) execution.
     */
    private String subProcessInstance(ProcessInstance request, String subProcessId, String elementVariable,
                                      String value) {
        List<String> matching = Arrays.stream(runtimeService.getActivityInstance(request.getId())
                        .getActivityInstances(subProcessId))
                .map(instance -> instance.getExecutionIds()[0])
                .filter(executionId -> value.equals(runtimeService.getVariable(executionId, elementVariable)))
                .toList();
        assertThat(matching).as("there should be one %s instance with %s = %s", subProcessId, elementVariable,
                value).hasSize(1);
        return matching.get(0);
    }

    /** The receive task waiting for this recipient's reply, found by its correlation key; null if none. */
    private Execution awaitReplyExecution(ProcessInstance request, String recipient) {
        return runtimeService.createExecutionQuery().processInstanceId(request.getId())
                .activityId(Elements.AWAIT_REPLY)
                .variableValueEquals(Variables.CORRELATION_KEY, RequestProcess.correlationKey(REFERENCE, recipient))
                .singleResult();
    }

    /** A variable of the recipient's own Per recipient sub-process instance. */
    private Object recipientVariable(ProcessInstance request, String recipient, String name) {
        String executionId = subProcessInstance(request, SUBPROCESS_PER_RECIPIENT, Variables.RECIPIENT, recipient);
        Map<String, Object> local = runtimeService.getVariablesLocal(executionId);
        assertThat(local).as("%s's sub-process instance should hold %s locally", recipient, name).containsKey(name);
        return local.get(name);
    }

    /** The recipient's reply arrives, as the inbox would correlate it; the review task is then open. */
    private void replyFrom(ProcessInstance request, String recipient) {
        runtimeService.createMessageCorrelation(RequestProcess.MESSAGE_REPLY_RECEIVED)
                .processInstanceBusinessKey(REFERENCE)
                .localVariableEquals(Variables.CORRELATION_KEY, RequestProcess.correlationKey(REFERENCE, recipient))
                .correlate();
        runAsyncJobs(request);
        assertThat(awaitReplyExecution(request, recipient)).as("%s should no longer await its reply", recipient)
                .isNull();
    }

    private Task reviewTask(ProcessInstance request, String recipient) {
        return recipientTask(request, Elements.REVIEW_REPLY, recipient);
    }

    /** The reply of the recipient becomes overdue: its timer fires and the follow-up task opens. */
    private Task overdue(ProcessInstance request, String recipient) {
        Execution waiting = awaitReplyExecution(request, recipient);
        assertThat(waiting).as("%s should await its reply before it can be overdue", recipient).isNotNull();
        execute(timer(BOUNDARY_REPLY_OVERDUE, waiting.getId()));
        runAsyncJobs(request);
        assertThat(awaitReplyExecution(request, recipient)).as("an overdue %s should no longer wait", recipient)
                .isNull();
        assertThat(recipientStates).as("%s should be marked overdue", recipient).contains(recipient + "=OVERDUE");
        return recipientTask(request, Elements.FOLLOW_UP, recipient);
    }

    private Task recipientTask(ProcessInstance request, String taskDefinitionKey, String recipient) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(request.getId())
                .taskDefinitionKey(taskDefinitionKey).list().stream()
                .filter(task -> recipient.equals(taskService.getVariable(task.getId(), Variables.RECIPIENT)))
                .toList();
        assertThat(tasks).as("%s should have one open %s task", recipient, taskDefinitionKey).hasSize(1);
        return tasks.get(0);
    }

    /** Runs the async continuations (not the timers) until none is left. */
    private void runAsyncJobs(ProcessInstance request) {
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(request.getId())
                    .messages().executable().listPage(0, 1);
            if (jobs.isEmpty()) {
                return;
            }
            execute(jobs.get(0));
        }
        fail("the async continuations of request %s did not come to rest after 100 jobs", request.getId());
    }

    private Job timer(String boundaryEventId, String executionId) {
        Job timer = findTimer(boundaryEventId, executionId);
        assertThat(timer).as("timer %s should be scheduled on execution %s", boundaryEventId, executionId)
                .isNotNull();
        return timer;
    }

    private Job findTimer(String boundaryEventId, String executionId) {
        return managementService.createJobQuery().timers().activityId(boundaryEventId).executionId(executionId)
                .singleResult();
    }

    private long passedCount(ProcessInstance request, String activityId) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(request.getId())
                .activityId(activityId).count();
    }

    private Object historicVariable(ProcessInstance request, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(request.getId())
                .variableName(name).singleResult().getValue();
    }

    /**
     * Runs camunda-bpm-assert checks under a description: their own messages say what was expected and what was
     * found, but they ignore {@code as(...)}, so the description is put in front here.
     */
    private static void expect(String description, Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            throw new AssertionError("[" + description + "] " + e.getMessage(), e);
        }
    }

    private static Date endOf(LocalDate day) {
        return Date.from(day.atTime(23, 59, 59).atZone(ZoneId.systemDefault()).toInstant());
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
