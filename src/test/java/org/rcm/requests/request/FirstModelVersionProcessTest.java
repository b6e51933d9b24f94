package org.rcm.requests.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;
import org.rcm.requests.approval.ApprovalDecisions;
import org.rcm.requests.approval.Decision;
import org.rcm.requests.mail.outbound.MailKind;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;

/**
 * A request that was already running on the first version of the model when issue 10 landed keeps working with
 * today's code. Version 1 ({@code models/InteragencyRequest-v1.bpmn}: {@code processes/InteragencyRequest.bpmn} as
 * it was with version tag 1) reads process variables where version 2 asks the registry through beans: the
 * recipients ({@code ${recipientList}}), the Troika ({@code ${troikaCountries}}), the Troika's outcome
 * ({@code ${approvalRejected}}, {@code ${!approvalRejected && changesRequested}}) and the reply's correlation key
 * ({@code ${reference}/${recipient}}). A running instance stays on the version it started on, so today's listeners
 * keep those variables on instances that have them: {@link RequestVariables#write} rewrites {@code recipientList}
 * from the registry and resets the two flags when a draft is completed, {@code ApprovalTally} sets the flags with each
 * recorded decision, and the delegates take the reference from the business key.
 * <p>
 * Deployed here: version 1 of the model with today's decision table and forms (not today's model); set-up, real
 * listeners and registry as in {@link InteragencyRequestProcessTest} ({@link RequestProcessTestBase}).
 */
class FirstModelVersionProcessTest extends RequestProcessTestBase {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = processEngineExtension();

    /** The text of {@code processes/InteragencyRequest.bpmn} at version tag 1 (commit a7c232b). */
    static final String FIRST_MODEL_VERSION = "models/InteragencyRequest-v1.bpmn";

    @Override
    String deployModels() throws IOException {
        return deploy("*.{dmn,form}", FIRST_MODEL_VERSION);
    }

    @Test
    void requestAskedForChangesIsRedraftedApprovedSentToTheRegistrysRecipientsRepliedAndClosed() {
        // given: a request to IOM that version 1 started, waiting at drafting
        ProcessInstance request = runningFirstVersionRequest("information", IOM);

        // when: the officer completes the draft as the form shows it
        completeDraft(request);

        // then: the decision table asks for the Troika, which version 1 reads from troikaCountries
        assertThat(runtimeService.getVariable(request.getId(), Variables.APPROVAL_REQUIRED))
                .as("Decision_ApprovalRequired should require approval for an information request to an organization")
                .isEqualTo(true);
        assertThat(approvalTasks(request)).as("one approval task per country of troikaCountries").hasSize(3);
        for (String country : TROIKA) {
            assertThat(approvalTask(request, country)).as("troika-%s's approval task", country).isNotNull();
        }
        assertThat(details().state()).as("request state before the Troika").isEqualTo(RequestState.IN_APPROVAL);

        // when: MX asks for changes, HN and SV approve
        decide(request, "HN", "approve", null);
        decide(request, "MX", "changes", "Add UNHCR, which holds the 2024 figures");
        decide(request, "SV", "approve", null);

        // then: version 1's gateway read changesRequested, set with MX's recorded decision: back at drafting, with
        // MX's comment in the form, and nothing sent
        expect("a version 1 request with changes asked should go back to drafting", () -> assertThat(request)
                .isWaitingAtExactly(Elements.DRAFT_REQUEST)
                .hasNotPassed(Elements.END_REJECTED, Elements.SEND_REQUEST_MAIL));
        assertThat(runtimeService.getVariables(request.getId()))
                .as("the Troika's outcome as version 1 reads it")
                .containsEntry(Variables.CHANGES_REQUESTED, true)
                .containsEntry(Variables.APPROVAL_REJECTED, false);
        assertThat((String) runtimeService.getVariable(request.getId(), Variables.APPROVAL_COMMENTS))
                .as("the officer should see MX's comment at drafting")
                .contains("MX (changes): Add UNHCR, which holds the 2024 figures");
        assertThat(decisions.currentRoundOf(REFERENCE)).as("the round's decisions in the record")
                .containsExactly(
                        new ApprovalDecisions.Recorded("HN", Decision.APPROVE, null, "delegate-hn"),
                        new ApprovalDecisions.Recorded("MX", Decision.CHANGES,
                                "Add UNHCR, which holds the 2024 figures", "delegate-mx"),
                        new ApprovalDecisions.Recorded("SV", Decision.APPROVE, null, "delegate-sv"));
        assertThat(details().state()).as("request state").isEqualTo(RequestState.DRAFTING);
        assertThat(mailed(MailKind.REQUEST)).as("nothing should be sent while changes are asked").isEmpty();

        // when: the officer redrafts, adding UNHCR
        completeDraft(request, withVariables(Variables.RECIPIENTS, List.of(IOM, UNHCR)));

        // then: version 1's variables follow the registry: the new recipients, and the Troika's flags reset
        assertThat(registry.recipientCodes(REFERENCE)).as("the registry's recipients after the redraft")
                .containsExactly(IOM, UNHCR);
        assertThat(runtimeService.getVariables(request.getId()))
                .as("version 1's variables after the redraft")
                .containsEntry(Variables.RECIPIENT_LIST, List.of(IOM, UNHCR))
                .containsEntry(Variables.CHANGES_REQUESTED, false)
                .containsEntry(Variables.APPROVAL_REJECTED, false)
                .doesNotContainKey(Variables.APPROVAL_COMMENTS);
        assertThat(approvalTasks(request)).as("the redraft should go to all three Troika countries again")
                .hasSize(3);
        assertThat(decisions.currentRoundOf(REFERENCE)).as("the redraft should open a new approval round")
                .isEmpty();

        // when: all three approve
        for (String country : TROIKA) {
            decide(request, country, "approve", null);
        }
        runAsyncJobs(request);

        // then: the request mails go to exactly the registry's recipients, each waiting on version 1's key
        expect("the approved redraft should be sent and wait for the replies", () -> assertThat(request)
                .hasPassed(Elements.SEND_REQUEST_MAIL)
                .isWaitingAt(Elements.AWAIT_REPLY)
                .hasNotPassed(Elements.END_REJECTED));
        assertThat(passedCount(request, Elements.DRAFT_REQUEST)).as("drafting should have been done twice")
                .isEqualTo(2);
        assertThat(mailed(MailKind.REQUEST)).as("the request mail should go to each of the registry's recipients once")
                .containsExactlyInAnyOrderElementsOf(registry.recipientCodes(REFERENCE))
                .containsExactlyInAnyOrder(IOM, UNHCR);
        for (String recipient : List.of(IOM, UNHCR)) {
            assertThat(awaitReplyExecution(request, recipient))
                    .as("%s should await its reply under version 1's correlation key ${reference}/${recipient}",
                            recipient).isNotNull();
            assertThat(recipient(recipient).state()).as("%s's state once sent", recipient)
                    .isEqualTo(RecipientState.AWAITING_REPLY);
        }
        assertThat(details().state()).as("request state").isEqualTo(RequestState.AWAITING_REPLY);

        // when: both reply, correlated as the inbox correlates (business key and correlation key)
        replyFrom(request, IOM);
        replyFrom(request, UNHCR);

        // then: both replies are under review
        assertThat(recipient(IOM).state()).as("IOM's state with its reply in review")
                .isEqualTo(RecipientState.UNDER_REVIEW);
        assertThat(recipient(UNHCR).state()).as("UNHCR's state with its reply in review")
                .isEqualTo(RecipientState.UNDER_REVIEW);

        // when: the reviewer accepts both replies
        complete(reviewTask(request, IOM), withVariables(Variables.OUTCOME, "accept"));
        complete(reviewTask(request, UNHCR), withVariables(Variables.OUTCOME, "accept"));

        // then: both are answered and the request is closed
        expect("accepted replies of all recipients should close a version 1 request", () -> assertThat(request)
                .hasPassed(Elements.REVIEW_REPLY, Elements.END_RECIPIENT_ANSWERED, Elements.END_CLOSED)
                .hasNotPassed(Elements.SEND_CLARIFICATION_MAIL, Elements.FOLLOW_UP)
                .isEnded());
        assertThat(registry.recipients(REFERENCE)).as("both recipients should be answered")
                .extracting(RequestDetails.Recipient::state)
                .containsOnly(RecipientState.ANSWERED);
        RequestDetails closed = details();
        assertThat(closed.state()).as("request state").isEqualTo(RequestState.CLOSED);
        assertThat(closed.outcome()).as("request outcome").isEqualTo(RequestOutcome.ANSWERED);
    }

    @Test
    void requestRejectedByOneCountryEndsRejected() {
        // given: a request that version 1 started, drafted and before the Troika
        ProcessInstance request = runningFirstVersionRequest("support", IOM, "GT");
        completeDraft(request);

        // when: HN approves and MX rejects
        decide(request, "HN", "approve", null);
        decide(request, "MX", "reject", "Outside the Conference's mandate");

        // then: version 1's completion condition and gateway read approvalRejected: the request ends rejected, SV's
        // approval is cancelled and nothing is sent
        expect("a rejected version 1 request should end at EndEvent_RequestRejected", () -> assertThat(request)
                .hasPassed(Elements.END_REJECTED)
                .hasNotPassed(Elements.SEND_REQUEST_MAIL, Elements.END_CLOSED)
                .isEnded());
        assertThat(passedCount(request, Elements.DRAFT_REQUEST)).as("a rejected request should not go back to "
                + "drafting").isEqualTo(1);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(request.getId())
                .variableName(Variables.APPROVAL_REJECTED).singleResult().getValue())
                .as("approvalRejected as version 1's gateway read it").isEqualTo(true);
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

    // ---------------------------------------------------------------------------------------------------------
    // A request of version 1
    // ---------------------------------------------------------------------------------------------------------

    /**
     * A request as version 1 left it when it was started, waiting at drafting: registered by the API, attached to its
     * instance, with the reference as business key and the variables version 1's start listener wrote.
     * <p>
     * Version 1's process-level start listener is {@code ${requestStartListener}}, today's bean, which reads the
     * registry and keeps only the start form's fields: it would make a version 1 instance started today, not one
     * started before. So the instance is started at the drafting task without custom listeners: the engine fires
     * the process's start listeners even on a start at an activity ({@code startBeforeActivity} alone still ran
     * today's listener and removed version 1's variables), and skipping them skips only those of this start (the
     * state DRAFTING that version 1's listener on the task set is the one the request was registered with). Later
     * steps run every listener.
     */
    private ProcessInstance runningFirstVersionRequest(String kind, String... recipients) {
        ValidRequest registered = validRequest(kind, recipients);
        registry.insert(REFERENCE, registered, "officer1");
        ProcessDefinition firstVersion = repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId)
                .processDefinitionKey(RequestProcess.KEY).singleResult();
        assertThat(firstVersion.getVersionTag()).as("the deployed model should be version 1").isEqualTo("1");

        ProcessInstance request = runtimeService.createProcessInstanceById(firstVersion.getId())
                .businessKey(REFERENCE)
                .setVariables(firstVersionVariables(registered))
                .startBeforeActivity(Elements.DRAFT_REQUEST)
                .execute(true, false);
        registry.attachProcess(REFERENCE, request.getId());

        expect("a version 1 request should wait at drafting", () -> assertThat(request).isStarted()
                .hasBusinessKey(REFERENCE)
                .isWaitingAtExactly(Elements.DRAFT_REQUEST));
        assertThat(runtimeService.getVariables(request.getId())).as("version 1's variables, as its start left them")
                .containsAllEntriesOf(Map.of(
                        Variables.REFERENCE, REFERENCE,
                        Variables.RECIPIENT_LIST, List.of(recipients),
                        Variables.TROIKA_COUNTRIES, TROIKA,
                        Variables.APPROVAL_REJECTED, false,
                        Variables.CHANGES_REQUESTED, false));
        assertThat(details().state()).as("request state at drafting").isEqualTo(RequestState.DRAFTING);
        assertThat(details().processInstanceId()).as("the registry should know the instance")
                .isEqualTo(request.getId());
        return request;
    }

    /** What version 1's {@code RequestVariables.write} set at the start (commit a7c232b). */
    private Map<String, Object> firstVersionVariables(ValidRequest request) {
        return withVariables(
                Variables.REFERENCE, REFERENCE,
                Variables.SUBJECT, request.subject(),
                Variables.BODY, request.body(),
                Variables.RECIPIENTS, SpinValues.jsonValue(request.recipients().stream()
                        .map(code -> '"' + code + '"').collect(Collectors.joining(",", "[", "]"))).create(),
                Variables.RECIPIENT_LIST, new ArrayList<>(request.recipients()),
                Variables.REPLY_DUE, request.replyDue().toString(),
                Variables.KIND, request.kind().code(),
                Variables.LANGUAGE, request.language(),
                Variables.RECIPIENT_SCOPE, directory.scopeOf(request.recipients()),
                Variables.TROIKA_COUNTRIES, new ArrayList<>(TROIKA),
                Variables.APPROVAL_REJECTED, false,
                Variables.CHANGES_REQUESTED, false);
    }
}
