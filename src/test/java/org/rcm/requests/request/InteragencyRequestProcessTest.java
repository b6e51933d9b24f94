package org.rcm.requests.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;
import org.rcm.requests.answer.Answer;
import org.rcm.requests.answer.Answers;
import org.rcm.requests.answer.TestAnswers;
import org.rcm.requests.approval.ApprovalDecisions;
import org.rcm.requests.directory.TestDirectory;
import org.rcm.requests.approval.Decision;
import org.rcm.requests.mail.outbound.MailKind;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.task.SubmissionGuardPlugin;
import org.rcm.requests.request.RequestProcess.Variables;

/**
 * Every path of {@code processes/InteragencyRequest.bpmn} (with {@code Decision_ApprovalRequired.dmn} and the forms
 * the submission guard checks completions against) on an in-memory engine. The listeners, the approval delegates, the
 * mail delegates and the registry are the real classes, over the application's tables in an H2 database of their own
 * (Flyway's scripts); only the mail service under the mail delegates is a mock (mail has its own GreenMail tests).
 * What the process decided is asserted in the record: requests, recipients and approval decisions. The set-up is
 * {@link RequestProcessTestBase}'s.
 */
class InteragencyRequestProcessTest extends RequestProcessTestBase {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = processEngineExtension();

    /** The real files of {@code processes/}, as the application deploys them. */
    @Override
    String deployModels() throws IOException {
        return deploy("*.{bpmn,dmn,form}");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Start
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void requestRegisteredBeforeTheStartIsReadFromTheRegistry() {
        // given: a request registered by the API
        registry.insert(REFERENCE, validRequest("information", IOM, UNHCR), "officer1");

        // when: its process starts with the reference as business key, and a starter sends a variable along
        ProcessInstance request = runtimeService.startProcessInstanceByKey(RequestProcess.KEY, REFERENCE,
                Map.of(Variables.RECIPIENT_LIST, new ArrayList<>(List.of("US"))));

        // then: the registry knows the instance, the forms' display copies come from the record, and nothing else
        expect("a new request should wait at drafting", () -> assertThat(request).isStarted()
                .hasBusinessKey(REFERENCE).isWaitingAtExactly(Elements.DRAFT_REQUEST));
        RequestDetails registered = details();
        assertThat(registered.processInstanceId()).as("the registry should know the request's process instance")
                .isEqualTo(request.getId());
        assertThat(registered.state()).as("request state at drafting").isEqualTo(RequestState.DRAFTING);
        Map<String, Object> variables = runtimeService.getVariables(request.getId());
        assertThat(variables).as("display copies of the registered request")
                .containsEntry(Variables.REFERENCE, REFERENCE)
                .containsEntry(Variables.SUBJECT, SUBJECT)
                .containsEntry(Variables.BODY, BODY)
                .containsEntry(Variables.REPLY_DUE, replyDue.toString())
                .containsEntry(Variables.KIND, "information")
                .containsEntry(Variables.LANGUAGE, "es")
                .containsEntry(Variables.RECIPIENT_SCOPE, "organizations")
                .doesNotContainKey(Variables.RECIPIENT_LIST);
        assertThat(variables.get(Variables.RECIPIENTS)).as("recipients shown in the forms").hasToString(
                "[\"IOM\",\"UNHCR\"]");
    }

    @Test
    void requestFromTheStartFormIsValidatedAndRegisteredUnderANewReference() {
        // given: this year's references have reached 0006 (the year's first reference needs the Spring transaction
        // the application runs in: RequestRegistry.nextReference), and officer1 fills in the start form
        int year = today.getYear();
        jdbc.sql("insert into request_reference_counter (ref_year, last_value) values (?, 6)").param(year).update();
        identityService.setAuthenticatedUserId("officer1");
        String definitionId = repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId)
                .processDefinitionKey(RequestProcess.KEY).singleResult().getId();

        // when: the form is submitted with lower-case codes and without kind and language
        ProcessInstance request = engine.getFormService().submitStartForm(definitionId, withVariables(
                Variables.SUBJECT, " " + SUBJECT + " ", Variables.BODY, BODY,
                Variables.RECIPIENTS, List.of("iom"), Variables.REPLY_DUE, replyDue.toString()));

        // then: the request is registered under the next reference, which is the business key
        String reference = "CRM-%d-0007".formatted(year);
        expect("a request from the start form should wait at drafting", () -> assertThat(request).isStarted()
                .hasBusinessKey(reference).isWaitingAtExactly(Elements.DRAFT_REQUEST));
        RequestDetails registered = registry.find(reference).orElse(null);
        assertThat(registered).as("the registry should hold %s", reference).isNotNull();
        assertThat(registered.subject()).as("the subject, trimmed").isEqualTo(SUBJECT);
        assertThat(registered.kind()).as("the default kind").isEqualTo("information");
        assertThat(registered.createdBy()).as("the starter").isEqualTo("officer1");
        assertThat(registered.processInstanceId()).as("the process instance").isEqualTo(request.getId());
        assertThat(registry.recipientCodes(reference)).as("the recipients, as codes").containsExactly(IOM);
        assertThat(runtimeService.getVariable(request.getId(), Variables.REFERENCE))
                .as("the reference shown in the forms").isEqualTo(reference);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Approval
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void administrativeReminderToMemberCountriesIsSentWithoutTroikaApproval() {
        // given: an administrative reminder to member countries only
        ProcessInstance request = startRequest("administrative_reminder", "GT", "CR");
        assertThat(runtimeService.getVariable(request.getId(), Variables.RECIPIENT_SCOPE))
                .as("the decision table's input, from the directory").isEqualTo("member_countries");

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
        assertThat(mailed(MailKind.REQUEST)).as("the request mail should go to each recipient once")
                .containsExactlyInAnyOrder("GT", "CR");
        assertThat(decisions.currentRoundOf(REFERENCE)).as("no Troika decision should be recorded").isEmpty();
        assertThat(details().state()).as("request state").isEqualTo(RequestState.AWAITING_REPLY);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(request.getId())
                .activityId(SUBPROCESS_TROIKA_APPROVAL).count()).as("the request should never be in approval")
                .isZero();
        for (String code : List.of("GT", "CR")) {
            assertThat(recipient(code).state()).as("%s's state", code).isEqualTo(RecipientState.AWAITING_REPLY);
            assertThat(recipient(code).sentAt()).as("%s should be marked sent", code).isNotNull();
        }
    }

    @Test
    void allThreeTroikaApprovalsSendTheRequestToEveryRecipient() {
        // given: a request in the Conference's name, drafted
        ProcessInstance request = startRequest("information", IOM, UNHCR);
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
        assertThat(details().state()).as("request state before the Troika").isEqualTo(RequestState.IN_APPROVAL);

        // when: two approve
        decide(request, "HN", "approve", null);
        decide(request, "MX", "approve", null);
        runAsyncJobs(request);

        // then: the outcome table says pending, and the request still waits for the third one
        assertThat(runtimeService.getVariable(request.getId(), Variables.TROIKA_OUTCOME))
                .as("Decision_ApprovalOutcome after two of three approvals").isEqualTo("pending");
        assertThat(approvalTasks(request)).as("SV's approval should still be open after HN and MX approved")
                .hasSize(1);
        assertThat(mailed(MailKind.REQUEST)).as("nothing should be sent before SV approved").isEmpty();

        // when: the third approves
        decide(request, "SV", "approve", null);
        runAsyncJobs(request);

        // then: the record holds the three approvals, the table asked after each of them approved at the third, and
        // every recipient got the request and awaits its reply
        assertThat(decisions.currentRoundOf(REFERENCE)).as("the round's decisions in the record")
                .containsExactly(
                        new ApprovalDecisions.Recorded("HN", Decision.APPROVE, null, "delegate-hn"),
                        new ApprovalDecisions.Recorded("MX", Decision.APPROVE, null, "delegate-mx"),
                        new ApprovalDecisions.Recorded("SV", Decision.APPROVE, null, "delegate-sv"));
        assertThat(outcomeTableAnswers(request)).as("Decision_ApprovalOutcome's outcome after each approval")
                .containsExactly("pending", "pending", "approved");
        assertThat(passedCount(request, Elements.DECIDE_TROIKA_OUTCOME)).as("the table should be asked once per "
                + "approval").isEqualTo(3);
        expect("an approved request should be sent and wait for the replies", () -> assertThat(request)
                .hasPassed(Elements.SEND_REQUEST_MAIL)
                .isWaitingAt(Elements.AWAIT_REPLY)
                .isNotWaitingAt(Elements.APPROVE_REQUEST, Elements.DRAFT_REQUEST));
        assertThat(awaitReplyExecution(request, IOM)).as("IOM should await its reply").isNotNull();
        assertThat(awaitReplyExecution(request, UNHCR)).as("UNHCR should await its reply").isNotNull();
        assertThat(mailed(MailKind.REQUEST)).as("the request mail should go to each recipient once")
                .containsExactlyInAnyOrder(IOM, UNHCR);
        assertThat(details().state()).as("request state").isEqualTo(RequestState.AWAITING_REPLY);
        assertThat(registry.recipients(REFERENCE)).as("both recipients should be awaiting a reply")
                .extracting(RequestDetails.Recipient::state)
                .containsExactly(RecipientState.AWAITING_REPLY, RecipientState.AWAITING_REPLY);
    }

    @Test
    void changesRequestedReturnsToDrafting() {
        // given: a drafted request before the Troika
        ProcessInstance request = startRequest("information", IOM);
        completeDraft(request);

        // when: one country asks for changes, the others approve
        decide(request, "HN", "approve", null);
        decide(request, "MX", "changes", "Cite the 2024 declaration");
        decide(request, "SV", "approve", null);

        // then: the record holds MX's request for changes, the request is back at drafting with the comment for the
        // officer, and nothing was sent
        assertThat(decisions.currentRoundOf(REFERENCE)).as("the first round's decisions in the record")
                .contains(new ApprovalDecisions.Recorded("MX", Decision.CHANGES, "Cite the 2024 declaration",
                        "delegate-mx"));
        expect("a request with changes asked should go back to drafting", () -> assertThat(request)
                .isWaitingAt(Elements.DRAFT_REQUEST)
                .isNotWaitingAt(Elements.APPROVE_REQUEST));
        assertThat(outcomeTableAnswers(request)).as("Decision_ApprovalOutcome's outcome after each answer: the "
                + "request for changes waits for the third country").containsExactly("pending", "pending",
                "changes-requested");
        assertThat(details().state()).as("request state").isEqualTo(RequestState.DRAFTING);
        assertThat((String) runtimeService.getVariable(request.getId(), Variables.APPROVAL_COMMENTS))
                .as("the officer should see MX's comment at drafting")
                .contains("MX (changes): Cite the 2024 declaration");
        assertThat(mailed(MailKind.REQUEST)).as("nothing should be sent while changes are asked").isEmpty();
        int firstRound = decisions.currentRound(REFERENCE);

        // when: the officer redrafts, adding UNHCR, and all three approve the new text
        completeDraft(request, withVariables(Variables.SUBJECT, "Data on returned migrants (2024 declaration)",
                Variables.RECIPIENTS, List.of(IOM, UNHCR)));
        assertThat(approvalTasks(request)).as("a redrafted request should go to all three Troika countries again")
                .hasSize(3);
        assertThat(decisions.currentRound(REFERENCE)).as("completing the draft should open a new approval round")
                .isEqualTo(firstRound + 1);
        assertThat(decisions.currentRoundOf(REFERENCE)).as("the new round should start without decisions")
                .isEmpty();
        assertThat(runtimeService.getVariable(request.getId(), Variables.APPROVAL_COMMENTS))
                .as("the comments of the earlier round should be cleared when the draft is completed").isNull();
        assertThat(details().subject()).as("the registry should take the redrafted subject")
                .isEqualTo("Data on returned migrants (2024 declaration)");
        for (String country : TROIKA) {
            decide(request, country, "approve", null);
        }
        runAsyncJobs(request);

        // then: it is sent to the recipients of the redraft
        expect("the approved redraft should be sent and wait for the replies", () -> assertThat(request)
                .isWaitingAt(Elements.AWAIT_REPLY));
        assertThat(passedCount(request, Elements.DRAFT_REQUEST)).as("drafting should have been done twice")
                .isEqualTo(2);
        assertThat(mailed(MailKind.REQUEST)).as("the redraft should go to its recipients once each")
                .containsExactlyInAnyOrder(IOM, UNHCR);
    }

    @Test
    void oneRejectionEndsTheRequestAndCancelsTheOtherApprovals() {
        // given: a drafted request before the Troika
        ProcessInstance request = startRequest("support", IOM, "GT");
        completeDraft(request);

        // when: one approves and one rejects
        decide(request, "HN", "approve", null);
        decide(request, "MX", "reject", "Outside the Conference's mandate");

        // then: the request ends rejected at once, SV's approval is cancelled and nothing is sent
        expect("a rejected request should end at EndEvent_RequestRejected", () -> assertThat(request)
                .hasPassed(Elements.END_REJECTED)
                .hasNotPassed(Elements.SEND_REQUEST_MAIL, Elements.END_CLOSED)
                .isEnded());
        assertThat(outcomeTableAnswers(request)).as("Decision_ApprovalOutcome's outcome after each answer")
                .containsExactly("pending", "rejected");
        assertThat(taskService.createTaskQuery().processInstanceId(request.getId()).count())
                .as("no approval task should stay open after a rejection").isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(request.getId())
                .activityId(Elements.APPROVE_REQUEST).canceled().count())
                .as("SV's approval task should have been cancelled").isEqualTo(1);
        assertThat(decisions.currentRoundOf(REFERENCE)).as("the record should hold HN's approval and MX's rejection")
                .containsExactly(
                        new ApprovalDecisions.Recorded("HN", Decision.APPROVE, null, "delegate-hn"),
                        new ApprovalDecisions.Recorded("MX", Decision.REJECT, "Outside the Conference's mandate",
                                "delegate-mx"));
        RequestDetails rejected = details();
        assertThat(rejected.state()).as("request state").isEqualTo(RequestState.REJECTED);
        assertThat(rejected.outcome()).as("request outcome").isEqualTo(RequestOutcome.REJECTED);
        assertThat(rejected.closedAt()).as("a rejected request should be closed").isNotNull();
        assertThat(Mockito.mockingDetails(mail).getInvocations()).as("no mail should go out").isEmpty();
    }

    @Test
    void changesOrRejectionWithoutCommentIsRefused() {
        // given: MX's approval task
        ProcessInstance request = startRequest("invitation", IOM);
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
        assertThat(decisions.currentRoundOf(REFERENCE)).as("a refused decision should not be recorded").isEmpty();
        expect("the request should still wait for the Troika", () -> assertThat(request)
                .isWaitingAt(Elements.APPROVE_REQUEST));
    }

    @Test
    void approvalTakesOnlyTheFormsFieldsSoNoDelegateCanRedirectOrDecideTheRequest() {
        // given: MX's approval task of a request to IOM
        ProcessInstance request = startRequest("information", IOM);
        completeDraft(request);
        Task task = approvalTask(request, "MX");

        // when / then: an approval that also names other recipients or the Troika's outcome is refused, by name
        for (Map.Entry<String, Object> extra : Map.<String, Object>of(
                Variables.RECIPIENT_LIST, new ArrayList<>(List.of("US")),
                Variables.CHANGES_REQUESTED, true,
                Variables.APPROVAL_REJECTED, true).entrySet()) {
            assertThatThrownBy(() -> complete(task, withVariables(Variables.DECISION, "approve",
                    extra.getKey(), extra.getValue())))
                    .as("an approval with the extra variable %s should be refused", extra.getKey())
                    .isInstanceOf(SubmissionGuardPlugin.RefusedSubmission.class)
                    .hasMessageStartingWith(extra.getKey() + ":");
        }

        // then: nothing of it was taken
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count())
                .as("MX's approval task should stay open after a refused completion").isEqualTo(1);
        assertThat(decisions.currentRoundOf(REFERENCE)).as("a refused completion should record no decision")
                .isEmpty();
        assertThat(runtimeService.getVariables(request.getId()))
                .as("a refused completion should write no variable")
                .doesNotContainKeys(Variables.RECIPIENT_LIST, Variables.CHANGES_REQUESTED,
                        Variables.APPROVAL_REJECTED);

        // when: the three approve with their form's fields
        for (String country : TROIKA) {
            decide(request, country, "approve", null);
        }
        runAsyncJobs(request);

        // then: the request goes where the registry says, and only there
        assertThat(mailed(MailKind.REQUEST)).as("the request should go to the registered recipient only")
                .containsExactly(IOM);
    }

    @Test
    void approvalReminderIsSentAndTheApprovalStaysOpen() {
        // given: the Troika's approval tasks
        ProcessInstance request = startRequest("information", IOM);
        completeDraft(request);
        Task task = approvalTask(request, "HN");

        // when: HN's reminder timer fires
        execute(timer(BOUNDARY_APPROVAL_REMINDER_DUE, task.getExecutionId()));
        runAsyncJobs(request);

        // then: HN got a reminder, and its task is still open
        assertThat(mailed(MailKind.APPROVAL_REMINDER)).as("the approval reminder should go to HN only")
                .containsExactly("HN");
        expect("the reminder should run beside the open approval", () -> assertThat(request)
                .hasPassed(Elements.SEND_APPROVAL_REMINDER, END_APPROVAL_REMINDER_SENT)
                .isWaitingAt(Elements.APPROVE_REQUEST));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count())
                .as("HN's approval task should stay open after the reminder").isEqualTo(1);
        assertThat(approvalTasks(request)).as("all three approvals should still be open").hasSize(3);
        assertThat(findTimer(BOUNDARY_SILENCE_PERIOD_OVER, task.getExecutionId()))
                .as("HN's silence period should still run after the reminder").isNotNull();
        assertThat(decisions.currentRoundOf(REFERENCE)).as("a reminder should record no decision").isEmpty();
        assertThat(mailed(MailKind.REQUEST)).as("nothing should be sent before the approvals").isEmpty();
    }

    @Test
    void silenceCountsAsApprovalByDefault() {
        // given: the Troika's approval tasks
        ProcessInstance request = startRequest("information", IOM);
        completeDraft(request);
        Task silent = approvalTask(request, "MX");

        // when: MX's silence period ends
        execute(timer(BOUNDARY_SILENCE_PERIOD_OVER, silent.getExecutionId()));
        runAsyncJobs(request);

        // then: MX's approval task is closed, its silence recorded as silence, and the others are still asked
        assertThat(taskService.createTaskQuery().taskId(silent.getId()).count())
                .as("the silence period should close MX's approval task").isZero();
        assertThat(decisionOf("MX").decision()).as("MX's silence should be recorded as silence")
                .isEqualTo(Decision.SILENCE);
        assertThat(decisionOf("MX").decidedBy()).as("MX's silence is decided by no one").isNull();
        assertThat(runtimeService.getVariable(request.getId(), Variables.TROIKA_OUTCOME))
                .as("Decision_ApprovalOutcome after MX's silence, with HN and SV still to answer").isEqualTo("pending");
        assertThat(approvalTasks(request)).as("HN's and SV's approvals should stay open").hasSize(2);

        // when: the others approve
        decide(request, "HN", "approve", null);
        decide(request, "SV", "approve", null);
        runAsyncJobs(request);

        // then: the table counted the silence as consent and the request was sent
        expect("silence as consent should let the request go out", () -> assertThat(request)
                .hasPassed(Elements.RECORD_SILENCE, Elements.DECIDE_TROIKA_OUTCOME, END_COUNTRY_DECIDED,
                        Elements.SEND_REQUEST_MAIL)
                .hasNotPassed(Elements.END_REJECTED)
                .isWaitingAt(Elements.AWAIT_REPLY));
        assertThat(outcomeTableAnswers(request)).as("Decision_ApprovalOutcome's outcome after each answer")
                .containsExactly("pending", "pending", "approved");
        assertThat(passedCount(request, Elements.DRAFT_REQUEST)).as("the request should not go back to drafting")
                .isEqualTo(1);
        assertThat((String) runtimeService.getVariable(request.getId(), Variables.APPROVAL_COMMENTS))
                .as("MX's silence should be noted for the officer").contains("MX (silence)");
        assertThat(mailed(MailKind.REQUEST)).as("the request should go out once").containsExactly(IOM);
    }

    @Test
    void silenceBesideARequestForChangesReturnsToDrafting() {
        // given: the Troika's approval tasks, and MX's silence period over
        ProcessInstance request = startRequest("information", IOM);
        completeDraft(request);
        execute(timer(BOUNDARY_SILENCE_PERIOD_OVER, approvalTask(request, "MX").getExecutionId()));
        runAsyncJobs(request);

        // when: HN asks for changes and SV approves
        decide(request, "HN", "changes", "Name the 2024 declaration");
        decide(request, "SV", "approve", null);
        runAsyncJobs(request);

        // then: the request for changes outweighs the consent of MX's silence: back at drafting, nothing sent
        expect("a request for changes should send the request back to drafting despite a silent country",
                () -> assertThat(request)
                        .hasPassed(Elements.RECORD_SILENCE)
                        .isWaitingAtExactly(Elements.DRAFT_REQUEST));
        assertThat(runtimeService.getVariable(request.getId(), Variables.TROIKA_OUTCOME))
                .as("Decision_ApprovalOutcome's last outcome").isEqualTo("changes-requested");
        assertThat(details().state()).as("request state").isEqualTo(RequestState.DRAFTING);
        assertThat(mailed(MailKind.REQUEST)).as("nothing should be sent").isEmpty();
    }

    @Test
    void aDelegateCannotAnswerWithSilence() {
        // given: MX's approval task
        ProcessInstance request = startRequest("information", IOM);
        completeDraft(request);
        Task task = approvalTask(request, "MX");

        // when / then: completing it with the engine's own entry "silence" is refused
        assertThatThrownBy(() -> complete(task, withVariables(Variables.DECISION, "silence",
                Variables.COMMENT, "no answer")))
                .as("a delegate's decision 'silence' should be refused")
                .satisfies(e -> assertThat(rootCause(e).getMessage()).startsWith("decision:"));
        assertThat(decisions.currentRoundOf(REFERENCE)).as("a refused decision should not be recorded").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Waiting for replies
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void replyReminderIsSentWhileTheRecipientStillAwaitsItsReply() {
        // given: a request awaiting IOM's reply
        ProcessInstance request = sentRequest(IOM);
        Execution waiting = awaitReplyExecution(request, IOM);
        Job reminder = timer(BOUNDARY_REMINDER_DUE, waiting.getId());

        // when: the reminder cycle fires at its due time
        ClockUtil.setCurrentTime(reminder.getDuedate());
        execute(reminder);
        runAsyncJobs(request);

        // then: IOM got a reminder, still awaits its reply, and the next reminder is scheduled
        assertThat(mailed(MailKind.REMINDER)).as("the reminder should go to IOM").containsExactly(IOM);
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
        assertThat(recipient(IOM).state()).as("a reminder should not make IOM overdue")
                .isEqualTo(RecipientState.AWAITING_REPLY);
    }

    @Test
    void overdueReplyExtendedWaitsUntilTheNewDueDate() {
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
                .as("the overdue timer should be due at the end of the new due date (or of IOM's next working day)")
                .isEqualTo(overdueAt(newDue, IOM));
        assertThat(recipient(IOM).replyDue()).as("IOM's due date in the registry").isEqualTo(newDue);
        assertThat(recipient(IOM).state()).as("IOM's state in the registry").isEqualTo(RecipientState.AWAITING_REPLY);
        assertThat(mailed(MailKind.REMINDER)).as("extending should send no reminder").isEmpty();
        assertThat(mailed(MailKind.ESCALATION)).as("extending should not escalate").isEmpty();
    }

    @Test
    void failedSendIsRetriedAndThenBecomesAnIncident() {
        // given: an approved request, and a mail server that refuses every message
        mailFails(MailKind.REQUEST);
        ProcessInstance request = startRequest("data_collection", IOM);
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
        assertThat(recipient(IOM).sentAt()).as("IOM should not be marked sent").isNull();
        assertThat(recipient(IOM).state()).as("IOM's state").isEqualTo(RecipientState.PENDING);
    }

    private Job sendJobWithRetriesLeft(ProcessInstance request) {
        return managementService.createJobQuery().processInstanceId(request.getId())
                .activityId(Elements.SEND_REQUEST_MAIL).withRetriesLeft().singleResult();
    }

    @Test
    void overdueReplyRemindedSendsAReminderAndWaitsAgain() {
        // given: IOM's reply is overdue
        ProcessInstance request = sentRequest(IOM);
        Task followUp = overdue(request, IOM);
        LocalDate newDue = today.plusDays(14);

        // when: the officer sends a reminder now
        complete(followUp, withVariables(Variables.ACTION, "remind", Variables.NEW_DUE_DATE, newDue.toString()));
        runAsyncJobs(request);

        // then: IOM got a reminder and awaits its reply until the new date
        assertThat(mailed(MailKind.REMINDER)).as("the follow-up reminder should go to IOM").containsExactly(IOM);
        expect("a reminded recipient should wait again", () -> assertThat(request)
                .hasPassed(Elements.SEND_FOLLOW_UP_REMINDER)
                .hasNotPassed(Elements.SEND_ESCALATION_MAIL)
                .isWaitingAt(Elements.AWAIT_REPLY));
        Execution waiting = awaitReplyExecution(request, IOM);
        assertThat(timer(BOUNDARY_REPLY_OVERDUE, waiting.getId()).getDuedate())
                .as("the overdue timer should be due at the end of the new due date (or of IOM's next working day)")
                .isEqualTo(overdueAt(newDue, IOM));
        assertThat(recipient(IOM).replyDue()).as("IOM's due date in the registry").isEqualTo(newDue);
        assertThat(recipient(IOM).state()).as("IOM's state in the registry").isEqualTo(RecipientState.AWAITING_REPLY);
        assertThat(mailed(MailKind.ESCALATION)).as("a reminder should not escalate").isEmpty();
    }

    @Test
    void overdueReplyEscalatedNotifiesTheTroikaAndWaitsAgain() {
        // given: IOM's reply is overdue
        ProcessInstance request = sentRequest(IOM);
        Task followUp = overdue(request, IOM);
        LocalDate newDue = today.plusDays(10);

        // when: the officer escalates to the Troika
        complete(followUp, withVariables(Variables.ACTION, "escalate", Variables.NEW_DUE_DATE, newDue.toString()));
        runAsyncJobs(request);

        // then: each Troika country was told about IOM, and IOM awaits its reply again
        assertThat(sent(MailKind.ESCALATION)).as("each Troika country should be told about IOM, in a job of its own")
                .extracting(Sent::to, Sent::about)
                .containsExactlyInAnyOrder(tuple("HN", IOM),
                        tuple("MX", IOM), tuple("SV", IOM));
        expect("an escalated recipient should wait again", () -> assertThat(request)
                .hasPassed(Elements.SEND_ESCALATION_MAIL)
                .hasNotPassed(Elements.SEND_FOLLOW_UP_REMINDER)
                .isWaitingAt(Elements.AWAIT_REPLY));
        assertThat(awaitReplyExecution(request, IOM)).as("IOM should await its reply again").isNotNull();
        assertThat(recipientVariable(request, IOM, Variables.RECIPIENT_DUE)).as("recipientDue should be the new date")
                .isEqualTo(newDue.toString());
        assertThat(recipient(IOM).replyDue()).as("IOM's due date in the registry").isEqualTo(newDue);
        assertThat(mailed(MailKind.REMINDER)).as("escalating should send IOM no reminder").isEmpty();
    }

    @Test
    void overdueRecipientClosedUnansweredClosesTheRequest() {
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
        assertThat(recipient(IOM).state()).as("IOM's state").isEqualTo(RecipientState.CLOSED_UNANSWERED);
        assertThat(recipient(IOM).closedAt()).as("when IOM was closed").isNotNull();
        assertThat(recipient(IOM).replyDue()).as("closing should not move IOM's due date").isEqualTo(replyDue);
        RequestDetails closed = details();
        assertThat(closed.state()).as("request state").isEqualTo(RequestState.CLOSED);
        assertThat(closed.outcome()).as("request outcome").isEqualTo(RequestOutcome.UNANSWERED);
    }

    @Test
    void followUpWithoutAValidFutureDueDateIsRefused() {
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
        assertThat(recipient(IOM).replyDue()).as("a refused follow-up should not change the registry's due date")
                .isEqualTo(replyDue);
        assertThat(recipient(IOM).state()).as("IOM's state").isEqualTo(RecipientState.OVERDUE);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Replies
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void acceptedReplyAnswersTheRecipientAndClosesTheRequest() {
        // given: a request awaiting IOM's reply
        ProcessInstance request = sentRequest(IOM);

        // when: IOM replies
        replyFrom(request, IOM);

        // then: the reply is under review and IOM's reminder and overdue timers are gone
        expect("a reply should be reviewed", () -> assertThat(request).isWaitingAt(Elements.REVIEW_REPLY)
                .isNotWaitingAt(Elements.AWAIT_REPLY));
        assertThat(managementService.createJobQuery().processInstanceId(request.getId()).timers().count())
                .as("no reminder or overdue timer should run once the reply has arrived").isZero();
        assertThat(recipient(IOM).state()).as("IOM's state with its reply in review")
                .isEqualTo(RecipientState.UNDER_REVIEW);

        // when: the reviewer accepts the reply
        Task review = reviewTask(request, IOM);
        complete(review, withVariables(Variables.OUTCOME, "accept"));

        // then: IOM is answered and the request closed
        expect("an accepted reply of the only recipient should close the request", () -> assertThat(request)
                .hasPassed(Elements.REVIEW_REPLY, Elements.END_RECIPIENT_ANSWERED, Elements.END_CLOSED)
                .hasNotPassed(Elements.SEND_CLARIFICATION_MAIL, Elements.FOLLOW_UP)
                .isEnded());
        assertThat(recipient(IOM).state()).as("IOM's state").isEqualTo(RecipientState.ANSWERED);
        assertThat(recipient(IOM).answeredAt()).as("when IOM answered").isNotNull();
        RequestDetails closed = details();
        assertThat(closed.state()).as("request state").isEqualTo(RequestState.CLOSED);
        assertThat(closed.outcome()).as("request outcome").isEqualTo(RequestOutcome.ANSWERED);
        assertThat(mailed(MailKind.CLARIFICATION)).as("no clarification should be sent").isEmpty();
    }

    @Test
    void reviewShowsTheStructuredAnswerAndItsAcceptanceNamesTheFocalPoint() {
        // given: a focal-point request; Mexico's answer through the reply page is stored before its message arrives
        ProcessInstance request = sentRequestOfKind("focal_points", "MX", "GT");
        Answers answers = TestAnswers.answers(jdbc, clock);
        answers.receive(REFERENCE, "MX", "focal_points", new Answer(Map.of("focalName", "Ana Pérez",
                "focalPosition", "Directora", "focalInstitution", "INM", "focalEmail", "ana@inm.example.org",
                "focalLanguage", "es", "focalTopic", "smuggling"), Map.of()));

        // when: its reply arrives
        replyFrom(request, "MX");

        // then: the review shows the answer's fields, in Mexico's instance only
        Task review = reviewTask(request, "MX");
        assertThat(recipientVariable(request, "MX", "focalEmail")).as("the answer's email, shown for review")
                .isEqualTo("ana@inm.example.org");
        assertThat(runtimeService.getVariable(request.getId(), "focalEmail"))
                .as("nothing of Mexico's answer at the request's level, where Guatemala's review would see it")
                .isNull();

        // when: the reviewer corrects the email and accepts
        identityService.setAuthenticatedUserId("officer1");
        complete(review, withVariables(Variables.OUTCOME, "accept", "focalName", "Ana Pérez", "focalPosition",
                "Directora", "focalInstitution", "INM", "focalEmail", "ana.perez@inm.example.org", "focalLanguage",
                "es", "focalTopic", "smuggling"));
        identityService.clearAuthentication();

        // then: Mexico is answered, the accepted answer is the record, and the directory names the focal point
        expect("Mexico's reply accepted", () -> assertThat(request).hasPassed(Elements.END_RECIPIENT_ANSWERED));
        assertThat(answers.accepted(REFERENCE, "MX")).hasValueSatisfying(accepted -> {
            assertThat(accepted.answer().field("focalEmail")).isEqualTo("ana.perez@inm.example.org");
            assertThat(accepted.acceptedBy()).isEqualTo("officer1");
        });
        assertThat(TestDirectory.focalPoints(jdbc, clock).current("MX", "smuggling"))
                .hasValueSatisfying(focal -> assertThat(focal.email()).isEqualTo("ana.perez@inm.example.org"));
    }

    @Test
    void acceptingANominationWithoutItsRequiredFieldsIsRefusedAndTheReviewStaysOpen() {
        // given: Guatemala's emailed nomination under review, with no fields filled in
        ProcessInstance request = sentRequestOfKind("focal_points", "GT");
        replyFrom(request, "GT");
        Task review = reviewTask(request, "GT");

        // when / then: accepting it with only a name is refused, naming the missing fields in both languages
        assertThatThrownBy(() -> complete(review, withVariables(Variables.OUTCOME, "accept", "focalName", "Luis")))
                .hasMessageContaining("focalEmail").hasMessageContaining("este campo es obligatorio")
                .hasMessageContaining("this field is required");
        expect("the review should stay open", () -> assertThat(request).isWaitingAt(Elements.REVIEW_REPLY));
        assertThat(TestDirectory.focalPoints(jdbc, clock).current()).as("no focal point named").isEmpty();
    }

    @Test
    void clarificationIsSentAndTheNextReplyAccepted() {
        // given: IOM's reply under review
        ProcessInstance request = sentRequest(IOM);
        replyFrom(request, IOM);

        // when: the reviewer asks a question
        complete(reviewTask(request, IOM), withVariables(Variables.OUTCOME, "clarify",
                Variables.CLARIFICATION, "Please confirm the 2024 figures"));
        runAsyncJobs(request);

        // then: the question went to IOM, who awaits a reply again
        assertThat(sent(MailKind.CLARIFICATION)).as("the clarification should go to IOM with the reviewer's question")
                .extracting(Sent::to, Sent::clarification)
                .containsExactly(tuple(IOM, "Please confirm the 2024 figures"));
        expect("after a clarification IOM should await a reply again", () -> assertThat(request)
                .hasPassed(Elements.SEND_CLARIFICATION_MAIL)
                .isWaitingAt(Elements.AWAIT_REPLY)
                .isNotEnded());
        assertThat(recipient(IOM).state()).as("IOM's state after the clarification")
                .isEqualTo(RecipientState.AWAITING_REPLY);

        // when: IOM replies again and the reviewer accepts
        replyFrom(request, IOM);
        complete(reviewTask(request, IOM), withVariables(Variables.OUTCOME, "accept"));

        // then: the request is closed with IOM answered
        expect("the accepted second reply should close the request", () -> assertThat(request)
                .hasPassed(Elements.END_RECIPIENT_ANSWERED, Elements.END_CLOSED)
                .isEnded());
        assertThat(passedCount(request, Elements.REVIEW_REPLY)).as("two replies should have been reviewed")
                .isEqualTo(2);
        assertThat(mailed(MailKind.CLARIFICATION)).as("one clarification should have been sent").hasSize(1);
        assertThat(details().outcome()).as("request outcome").isEqualTo(RequestOutcome.ANSWERED);
    }

    @Test
    void clarificationWithoutAQuestionIsRefused() {
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
        assertThat(recipient(IOM).state()).as("IOM's state").isEqualTo(RecipientState.UNDER_REVIEW);
        assertThat(mailed(MailKind.CLARIFICATION)).as("no clarification should be sent").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Several recipients
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void requestClosesOnceBothRecipientsEndWithDifferentOutcomes() {
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
        assertThat(recipient(UNHCR).state()).as("IOM's reply should not change UNHCR's state")
                .isEqualTo(RecipientState.AWAITING_REPLY);
        assertThat(details().state()).as("request state while UNHCR has not ended")
                .isEqualTo(RequestState.AWAITING_REPLY);

        // when: UNHCR's reply is overdue and the officer closes it unanswered
        complete(overdue(request, UNHCR), withVariables(Variables.ACTION, "close"));

        // then: the request closes, partially answered
        expect("the request should close when both recipients have ended", () -> assertThat(request)
                .hasPassed(Elements.END_RECIPIENT_ANSWERED, Elements.END_RECIPIENT_CLOSED, Elements.END_CLOSED)
                .isEnded());
        assertThat(registry.recipients(REFERENCE)).as("IOM should end answered and UNHCR closed unanswered")
                .extracting(RequestDetails.Recipient::code, RequestDetails.Recipient::state)
                .containsExactly(tuple(IOM, RecipientState.ANSWERED),
                        tuple(UNHCR, RecipientState.CLOSED_UNANSWERED));
        assertThat(passedCount(request, Elements.END_CLOSED)).as("the request should close once").isEqualTo(1);
        RequestDetails closed = details();
        assertThat(closed.state()).as("request state").isEqualTo(RequestState.CLOSED);
        assertThat(closed.outcome()).as("request outcome").isEqualTo(RequestOutcome.PARTIALLY_ANSWERED);
    }

    @Test
    void followUpOfOneRecipientDoesNotTouchTheOther() {
        // given: a request awaiting the replies of IOM and UNHCR
        ProcessInstance request = sentRequest(IOM, UNHCR);
        Date iomOverdueAt = timer(BOUNDARY_REPLY_OVERDUE, awaitReplyExecution(request, IOM).getId()).getDuedate();
        LocalDate newDue = today.plusDays(45);

        // when: UNHCR's reply is overdue and the officer extends it
        complete(overdue(request, UNHCR), withVariables(Variables.ACTION, "extend",
                Variables.NEW_DUE_DATE, newDue.toString()));
        runAsyncJobs(request);

        // then: only UNHCR's due date moved; IOM's variables, timer and record are as before
        assertThat(recipientVariable(request, UNHCR, Variables.RECIPIENT_DUE))
                .as("UNHCR's recipientDue should be the new date").isEqualTo(newDue.toString());
        assertThat(recipientVariable(request, IOM, Variables.RECIPIENT_DUE))
                .as("IOM's recipientDue should not change when UNHCR is extended").isEqualTo(replyDue.toString());
        assertThat(recipientVariable(request, UNHCR, Variables.ACTION)).as("UNHCR's follow-up action")
                .isEqualTo("extend");
        assertThat(recipientVariables(request, IOM))
                .as("UNHCR's follow-up action should not reach IOM's instance").doesNotContainKey(Variables.ACTION);
        assertThat(runtimeService.getVariablesLocal(request.getId()))
                .as("the follow-up variables should stay in the recipient's instance, not the process")
                .doesNotContainKeys(Variables.RECIPIENT_DUE, Variables.ACTION, Variables.NEW_DUE_DATE);
        assertThat(timer(BOUNDARY_REPLY_OVERDUE, awaitReplyExecution(request, IOM).getId()).getDuedate())
                .as("IOM's overdue timer should be unchanged").isEqualTo(iomOverdueAt);
        assertThat(timer(BOUNDARY_REPLY_OVERDUE, awaitReplyExecution(request, UNHCR).getId()).getDuedate())
                .as("UNHCR's overdue timer should follow the new date").isEqualTo(overdueAt(newDue, UNHCR));
        assertThat(recipient(UNHCR).replyDue()).as("UNHCR's due date in the registry").isEqualTo(newDue);
        assertThat(recipient(IOM).replyDue()).as("IOM's due date in the registry").isEqualTo(replyDue);
        assertThat(recipient(IOM).state()).as("IOM should never have been overdue")
                .isEqualTo(RecipientState.AWAITING_REPLY);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(request.getId())
                .activityId(Elements.FOLLOW_UP).count()).as("only UNHCR should have been followed up").isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Delivery failures
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void bouncedRequestIsSentAgainToTheCorrectedAddress() {
        // given: a request awaiting IOM's reply, and IOM's address bounced
        ProcessInstance request = sentRequest(IOM);
        deliveryFailed(IOM, "5.1.1 user unknown");
        Task correct = recipientTask(request, Elements.CORRECT_CONTACT, IOM);
        assertThat(taskService.getVariable(correct.getId(), Variables.BOUNCE_REASON)).as("bounce reason on the task")
                .isEqualTo("5.1.1 user unknown");
        assertThat(recipient(IOM).state()).as("IOM's state after the bounce")
                .isEqualTo(RecipientState.UNDELIVERABLE);

        // when: the officer corrects the address
        complete(correct, withVariables(Variables.CONTACT_ACTION, "resend", Variables.CORRECTED_EMAIL,
                "New.Focal@iom.example.org"));
        runAsyncJobs(request);

        // then: the directory has the new address, the request went out again, and IOM awaits its reply
        assertThat(directory.get(IOM).email()).as("IOM's address in the directory")
                .isEqualTo("new.focal@iom.example.org");
        expect("a corrected recipient should get the request again and wait", () -> assertThat(request)
                .hasPassed(Elements.RESEND_REQUEST_MAIL).isWaitingAt(Elements.AWAIT_REPLY));
        assertThat(mailed(MailKind.REQUEST)).as("request mails").containsExactly(IOM, IOM);
        assertThat(recipient(IOM).state()).as("IOM's state after the resend").isEqualTo(RecipientState.AWAITING_REPLY);
    }

    @Test
    void unreachableRecipientIsClosedAndTheRequestEnds() {
        // given: IOM's address bounced
        ProcessInstance request = sentRequest(IOM);
        String address = directory.get(IOM).email();
        deliveryFailed(IOM, "5.1.1 user unknown");

        // when: the officer has no other address and closes the recipient
        complete(recipientTask(request, Elements.CORRECT_CONTACT, IOM), withVariables(Variables.CONTACT_ACTION,
                "close"));

        // then: the recipient ends unreachable and the request closes
        expect("an unreachable only recipient should close the request", () -> assertThat(request)
                .hasPassed(Elements.END_RECIPIENT_UNDELIVERABLE, Elements.END_CLOSED)
                .hasNotPassed(Elements.RESEND_REQUEST_MAIL).isEnded());
        assertThat(recipient(IOM).state()).as("IOM's state").isEqualTo(RecipientState.UNDELIVERABLE);
        RequestDetails closed = details();
        assertThat(closed.state()).as("request state").isEqualTo(RequestState.CLOSED);
        assertThat(closed.outcome()).as("request outcome").isEqualTo(RequestOutcome.UNANSWERED);
        assertThat(directory.get(IOM).email()).as("IOM's address should stay as it was").isEqualTo(address);
    }

    @Test
    void correctedContactMustBeAnAddress() {
        // given: IOM's address bounced
        ProcessInstance request = sentRequest(IOM);
        String address = directory.get(IOM).email();
        deliveryFailed(IOM, "5.1.1 user unknown");
        Task correct = recipientTask(request, Elements.CORRECT_CONTACT, IOM);

        // when / then: an address that is none is refused and the task stays
        assertThatThrownBy(() -> taskService.complete(correct.getId(), withVariables(Variables.CONTACT_ACTION,
                "resend", Variables.CORRECTED_EMAIL, "not an address")))
                .as("completing with a bad address").hasMessageContaining("correctedEmail");
        expect("the correction should still wait", () -> assertThat(request).isWaitingAt(Elements.CORRECT_CONTACT));
        assertThat(directory.get(IOM).email()).as("IOM's address should stay as it was").isEqualTo(address);
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
    void failedReminderBecomesAnIncidentWhileTheRecipientStillWaits() {
        mailFails(MailKind.REMINDER);
        ProcessInstance request = sentRequest(IOM);

        execute(timer(BOUNDARY_REMINDER_DUE, awaitReplyExecution(request, IOM).getId()));

        failsUntilIncident(request, Elements.SEND_REMINDER_MAIL);
        assertThat(awaitReplyExecution(request, IOM)).as("IOM should still await its reply").isNotNull();
    }

    @Test
    void failedFollowUpReminderBecomesAnIncident() {
        mailFails(MailKind.REMINDER);
        ProcessInstance request = sentRequest(IOM);

        complete(overdue(request, IOM), withVariables(Variables.ACTION, "remind", Variables.NEW_DUE_DATE,
                today.plusDays(7).toString()));

        failsUntilIncident(request, Elements.SEND_FOLLOW_UP_REMINDER);
    }

    @Test
    void failedEscalationBecomesAnIncidentPerTroikaCountry() {
        mailFails(MailKind.ESCALATION);
        ProcessInstance request = sentRequest(IOM);

        complete(overdue(request, IOM), withVariables(Variables.ACTION, "escalate", Variables.NEW_DUE_DATE,
                today.plusDays(7).toString()));

        failsUntilIncident(request, Elements.SEND_ESCALATION_MAIL);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(request.getId())
                .activityId(Elements.SEND_ESCALATION_MAIL).count()).as("one incident per Troika country")
                .isEqualTo(TROIKA.size());
    }

    @Test
    void failedClarificationBecomesAnIncident() {
        mailFails(MailKind.CLARIFICATION);
        ProcessInstance request = sentRequest(IOM);
        replyFrom(request, IOM);

        complete(reviewTask(request, IOM), withVariables(Variables.OUTCOME, "clarify", Variables.CLARIFICATION,
                "¿Incluye 2015?"));

        failsUntilIncident(request, Elements.SEND_CLARIFICATION_MAIL);
    }

    @Test
    void failedApprovalReminderBecomesAnIncidentWhileTheApprovalStaysOpen() {
        mailFails(MailKind.APPROVAL_REMINDER);
        ProcessInstance request = startRequest("information", IOM);
        completeDraft(request);
        Task task = approvalTask(request, "HN");

        execute(timer(BOUNDARY_APPROVAL_REMINDER_DUE, task.getExecutionId()));

        failsUntilIncident(request, Elements.SEND_APPROVAL_REMINDER);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("HN's approval task").isEqualTo(1);
    }

    @Test
    void failedSilenceRecordBecomesAnIncident() {
        ProcessInstance request = startRequest("information", IOM);
        completeDraft(request);
        // the registry cannot take the decision: its table is gone
        jdbc.sql("drop table approval_decision").update();

        execute(timer(BOUNDARY_SILENCE_PERIOD_OVER, approvalTask(request, "MX").getExecutionId()));

        failsUntilIncident(request, Elements.RECORD_SILENCE);
    }

    @Test
    void failedResendBecomesAnIncident() {
        ProcessInstance request = sentRequest(IOM);
        mailFails(MailKind.REQUEST);
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

    /** The outcomes Decision_ApprovalOutcome gave for this request, in the order it was asked. */
    private List<Object> outcomeTableAnswers(ProcessInstance request) {
        return historyService.createHistoricDecisionInstanceQuery().processInstanceId(request.getId())
                .decisionDefinitionKey("Decision_ApprovalOutcome").includeOutputs()
                .orderByEvaluationTime().asc().list().stream()
                .map(evaluated -> evaluated.getOutputs().isEmpty() ? null : evaluated.getOutputs().get(0).getValue())
                .toList();
    }

    /**
     * Registers a request as the API does, and starts its process with the reference as business key, as the API
     * does; it waits at drafting.
     */
    private ProcessInstance startRequest(String kind, String... recipients) {
        registry.insert(REFERENCE, validRequest(kind, recipients), "officer1");
        ProcessInstance request = runtimeService.startProcessInstanceByKey(RequestProcess.KEY, REFERENCE);
        expect("a new request should wait at drafting", () -> assertThat(request).isStarted()
                .hasBusinessKey(REFERENCE)
                .isWaitingAtExactly(Elements.DRAFT_REQUEST));
        return request;
    }

    /** A request to organizations approved by all three Troika countries, awaiting the recipients' replies. */
    private ProcessInstance sentRequest(String... recipients) {
        return sentRequestOfKind("data_collection", recipients);
    }

    private ProcessInstance sentRequestOfKind(String kind, String... recipients) {
        ProcessInstance request = startRequest(kind, recipients);
        completeDraft(request);
        for (String country : TROIKA) {
            decide(request, country, "approve", null);
        }
        runAsyncJobs(request);
        for (String recipient : recipients) {
            assertThat(awaitReplyExecution(request, recipient)).as("%s should await its reply", recipient)
                    .isNotNull();
            assertThat(recipient(recipient).state()).as("%s's state once sent", recipient)
                    .isEqualTo(RecipientState.AWAITING_REPLY);
        }
        return request;
    }
}
