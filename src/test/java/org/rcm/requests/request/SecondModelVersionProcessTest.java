package org.rcm.requests.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.io.IOException;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rcm.requests.approval.ApprovalDecisions;
import org.rcm.requests.approval.Decision;
import org.rcm.requests.mail.outbound.MailKind;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;

/**
 * A request that was already in the Troika's hands on the second version of the model when the decision table
 * {@code Decision_ApprovalOutcome} (version 3) landed finishes on version 2's own rule. Version 2
 * ({@code models/InteragencyRequest-v2.bpmn}: {@code processes/InteragencyRequest.bpmn} as it was with version tag 2)
 * asks the bean {@code approvalOutcome} ({@code ${approvalOutcome.rejected(execution)}},
 * {@code ${approvalOutcome.changesRequested(execution)}}) and carries the input {@code silenceIsConsent}, which
 * {@code RecordSilenceDelegate} still reads on such instances (recording silence as the approval or request for
 * changes it meant, not as silence, which version 2's gateway would not know).
 * <p>
 * Deployed here: version 2 of the model with today's decision tables and forms; once its request runs, today's model
 * is deployed beside it, as a process owner's deployment would. Set-up as in {@link InteragencyRequestProcessTest}
 * ({@link RequestProcessTestBase}).
 */
class SecondModelVersionProcessTest extends RequestProcessTestBase {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = processEngineExtension();

    /** The text of {@code processes/InteragencyRequest.bpmn} at version tag 2 (commit e3dacda). */
    static final String SECOND_MODEL_VERSION = "models/InteragencyRequest-v2.bpmn";

    private String todaysModel;

    @Override
    String deployModels() throws IOException {
        return deploy("*.{dmn,form}", SECOND_MODEL_VERSION);
    }

    @AfterEach
    void deleteTodaysModel() {
        if (todaysModel != null) {
            repositoryService.deleteDeployment(todaysModel, true, true);
        }
    }

    @Test
    void silenceCountsAsApprovalAsVersion2SaysAndTheRequestIsSent() throws IOException {
        // given: a version 2 request in approval, with today's model deployed beside it
        ProcessInstance request = runningSecondVersionRequestInApproval();

        // when: MX's silence period ends and the others approve
        execute(timer(BOUNDARY_SILENCE_PERIOD_OVER, approvalTask(request, "MX").getExecutionId()));
        runAsyncJobs(request);
        decide(request, "HN", "approve", null);
        decide(request, "SV", "approve", null);
        runAsyncJobs(request);

        // then: version 2's silenceIsConsent made MX's silence an approval, and version 2's gateway sent the request
        assertThat(decisionOf("MX").decision()).as("MX's silence as version 2 records it")
                .isEqualTo(Decision.APPROVE);
        expect("a version 2 request with a silent country should be sent", () -> assertThat(request)
                .hasPassed(Elements.RECORD_SILENCE, Elements.SEND_REQUEST_MAIL)
                .hasNotPassed(Elements.DECIDE_TROIKA_OUTCOME, Elements.END_REJECTED)
                .isWaitingAt(Elements.AWAIT_REPLY));
        assertThat(runtimeService.getVariable(request.getId(), Variables.TROIKA_OUTCOME))
                .as("version 2 never asks Decision_ApprovalOutcome").isNull();
        assertThat(mailed(MailKind.REQUEST)).as("the request should go out once").containsExactly(IOM);
    }

    @Test
    void silenceIsARequestForChangesWhereVersion2sInputSaysSo() throws IOException {
        // given: a version 2 request in approval whose MX instance says silence is not consent
        ProcessInstance request = runningSecondVersionRequestInApproval();
        String mxApproval = troikaApprovalInstance(request, "MX");
        assertThat(runtimeService.getVariablesLocal(mxApproval)).as("version 2's input silenceIsConsent")
                .containsEntry(Variables.SILENCE_IS_CONSENT, true);
        runtimeService.setVariableLocal(mxApproval, Variables.SILENCE_IS_CONSENT, false);

        // when: MX's silence period ends and the others approve
        execute(timer(BOUNDARY_SILENCE_PERIOD_OVER, approvalTask(request, "MX").getExecutionId()));
        runAsyncJobs(request);
        decide(request, "HN", "approve", null);
        decide(request, "SV", "approve", null);
        runAsyncJobs(request);

        // then: the silence was recorded as a request for changes, and the request is back at drafting
        assertThat(decisionOf("MX").decision()).as("MX's silence as version 2 records it without consent")
                .isEqualTo(Decision.CHANGES);
        expect("a version 2 request with silence that is not consent should go back to drafting",
                () -> assertThat(request).isWaitingAtExactly(Elements.DRAFT_REQUEST));
        assertThat(details().state()).as("request state").isEqualTo(RequestState.DRAFTING);
        assertThat(mailed(MailKind.REQUEST)).as("nothing should be sent").isEmpty();
    }

    @Test
    void oneRejectionEndsAVersion2RequestAtOnce() throws IOException {
        // given: a version 2 request in approval
        ProcessInstance request = runningSecondVersionRequestInApproval();

        // when: HN approves and MX rejects
        decide(request, "HN", "approve", null);
        decide(request, "MX", "reject", "Outside the Conference's mandate");

        // then: version 2's completion condition and gateway (approvalOutcome) end it rejected
        expect("a rejected version 2 request should end at EndEvent_RequestRejected", () -> assertThat(request)
                .hasPassed(Elements.END_REJECTED)
                .hasNotPassed(Elements.SEND_REQUEST_MAIL)
                .isEnded());
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(request.getId())
                .activityId(Elements.APPROVE_REQUEST).canceled().count())
                .as("SV's approval task should have been cancelled").isEqualTo(1);
        assertThat(details().state()).as("request state").isEqualTo(RequestState.REJECTED);
    }

    @Test
    void changesRequestedReturnAVersion2RequestToDraftingAndTheRedraftIsApproved() throws IOException {
        // given: a version 2 request in approval
        ProcessInstance request = runningSecondVersionRequestInApproval();

        // when: MX asks for changes and the others approve
        decide(request, "HN", "approve", null);
        decide(request, "MX", "changes", "Cite the 2024 declaration");
        decide(request, "SV", "approve", null);

        // then: back at drafting
        expect("a version 2 request with changes asked should go back to drafting", () -> assertThat(request)
                .isWaitingAtExactly(Elements.DRAFT_REQUEST));

        // when: the officer redrafts and all three approve
        completeDraft(request);
        for (String country : TROIKA) {
            decide(request, country, "approve", null);
        }
        runAsyncJobs(request);

        // then: the redraft is sent, still on version 2
        assertThat(decisions.currentRoundOf(REFERENCE)).as("the second round's decisions")
                .extracting(ApprovalDecisions.Recorded::decision).containsOnly(Decision.APPROVE);
        expect("the approved version 2 redraft should be sent", () -> assertThat(request)
                .isWaitingAt(Elements.AWAIT_REPLY));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(request.getId())
                .singleResult().getProcessDefinitionId()).as("the request should stay on version 2")
                .isEqualTo(secondVersion().getId());
        assertThat(mailed(MailKind.REQUEST)).as("the request should go out once").containsExactly(IOM);
    }

    /**
     * A version 2 request registered and started as the API does, drafted, with the three Troika approvals open;
     * then today's model is deployed, so that the request runs beside a newer version, as in production.
     */
    private ProcessInstance runningSecondVersionRequestInApproval() throws IOException {
        registry.insert(REFERENCE, validRequest("information", IOM), "officer1");
        ProcessDefinition secondVersion = secondVersion();
        assertThat(secondVersion.getVersionTag()).as("the deployed model should be version 2").isEqualTo("2");
        ProcessInstance request = runtimeService.startProcessInstanceById(secondVersion.getId(), REFERENCE);
        completeDraft(request);
        assertThat(approvalTasks(request)).as("one approval task per Troika country").hasSize(3);

        todaysModel = deploy("InteragencyRequest.bpmn");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(RequestProcess.KEY)
                .latestVersion().singleResult().getVersionTag()).as("today's model, deployed beside version 2")
                .isEqualTo("5");
        return request;
    }

    private ProcessDefinition secondVersion() {
        return repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId)
                .processDefinitionKey(RequestProcess.KEY).singleResult();
    }
}
