package org.rcm.requests.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rcm.requests.approval.Decision;
import org.rcm.requests.mail.outbound.MailKind;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;

/**
 * What a process owner can change in the Troika's approval by editing {@code processes/Decision_ApprovalOutcome.dmn}
 * alone, as Camunda Modeler would save the edit: the application's files are deployed as shipped, then the edited
 * table by itself, a new version of the decision beside the unchanged model (as the application's deployment of
 * changed files only does). The model asks the latest version of the table after each answer, so the change holds for
 * every request from its next answer on.
 * <p>
 * "Two approvals out of three suffice" means here: one row, after the rejection row and before the row that waits for
 * every country, says that two approvals approve. So the request is approved as soon as a second country approves
 * while no country has rejected: the third country's approval task is withdrawn if it is still open, and a request
 * for changes from it is outvoted; a rejection that comes before the second approval still rejects; silence is not an
 * approval (it counts as consent only once every country has answered or stayed silent, as shipped).
 */
class OwnerEditedApprovalOutcomeProcessTest extends RequestProcessTestBase {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = processEngineExtension();

    static final Path TABLE = Path.of("processes", "Decision_ApprovalOutcome.dmn");
    static final String DECISION = "Decision_ApprovalOutcome";

    /** The row a process owner adds in Modeler: Approvals ">= 2", Rejections "0", the other inputs "-". */
    static final String TWO_APPROVALS_SUFFICE = """
                  <rule id="Rule_TwoApprovalsSuffice">
                    <description>Two approvals suffice</description>
                    <inputEntry id="InputEntry_TwoApprovalsSuffice_Approvals">
                      <text>&gt;= 2</text>
                    </inputEntry>
                    <inputEntry id="InputEntry_TwoApprovalsSuffice_ChangeRequests">
                      <text></text>
                    </inputEntry>
                    <inputEntry id="InputEntry_TwoApprovalsSuffice_Rejections">
                      <text>0</text>
                    </inputEntry>
                    <inputEntry id="InputEntry_TwoApprovalsSuffice_Silences">
                      <text></text>
                    </inputEntry>
                    <inputEntry id="InputEntry_TwoApprovalsSuffice_Unanswered">
                      <text></text>
                    </inputEntry>
                    <outputEntry id="OutputEntry_TwoApprovalsSuffice">
                      <text>"approved"</text>
                    </outputEntry>
                  </rule>
            """;

    private String ownersDeployment;

    /** The application's files as shipped. */
    @Override
    String deployModels() throws IOException {
        return deploy("*.{bpmn,dmn,form}");
    }

    @AfterEach
    void deleteTheOwnersDeployment() {
        if (ownersDeployment != null) {
            repositoryService.deleteDeployment(ownersDeployment, true, true);
        }
    }

    @Test
    void twoApprovalsOutOfThreeSufficeOnceTheOwnerAddsThatRow() throws IOException {
        // given: the owner added the row "two approvals suffice" before the row that waits for every country
        ownerDeploys(withRowBefore("Rule_WaitForEveryCountry", TWO_APPROVALS_SUFFICE));
        ProcessInstance request = startRequestInApproval();

        // when: HN approves
        decide(request, "HN", "approve", null);

        // then: one approval is not enough
        assertThat(approvalTasks(request)).as("MX's and SV's approvals should stay open after one approval")
                .hasSize(2);

        // when: MX approves
        decide(request, "MX", "approve", null);
        runAsyncJobs(request);

        // then: the owner's row approved the request: SV is no longer asked and the request is sent
        assertThat(lastOutcome(request).getOutputs().get(0).getRuleId()).as("the row that decided")
                .isEqualTo("Rule_TwoApprovalsSuffice");
        assertThat(runtimeService.getVariable(request.getId(), Variables.TROIKA_OUTCOME)).as("the Troika's outcome")
                .isEqualTo("approved");
        expect("two approvals should send the request", () -> assertThat(request)
                .hasPassed(Elements.SEND_REQUEST_MAIL)
                .hasNotPassed(Elements.END_REJECTED, Elements.RECORD_SILENCE)
                .isWaitingAt(Elements.AWAIT_REPLY)
                .isNotWaitingAt(Elements.APPROVE_REQUEST));
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(request.getId())
                .activityId(Elements.APPROVE_REQUEST).canceled().count())
                .as("SV's approval task should have been withdrawn").isEqualTo(1);
        assertThat(decisions.currentRoundOf(REFERENCE)).as("the record: HN's and MX's approvals only")
                .extracting(made -> made.country() + " " + made.decision())
                .containsExactly("HN APPROVE", "MX APPROVE");
        assertThat(mailed(MailKind.REQUEST)).as("the request should go out once").containsExactly(IOM);
        assertThat(details().state()).as("request state").isEqualTo(RequestState.AWAITING_REPLY);
    }

    @Test
    void twoApprovalsOutvoteARequestForChangesOnceTheOwnerAddsThatRow() throws IOException {
        // given: two approvals suffice
        ownerDeploys(withRowBefore("Rule_WaitForEveryCountry", TWO_APPROVALS_SUFFICE));
        ProcessInstance request = startRequestInApproval();

        // when: HN approves, MX asks for changes, SV approves
        decide(request, "HN", "approve", null);
        decide(request, "MX", "changes", "Cite the 2024 declaration");
        runAsyncJobs(request);
        assertThat(approvalTasks(request)).as("SV's approval should stay open after one approval and one request "
                + "for changes").hasSize(1);
        decide(request, "SV", "approve", null);
        runAsyncJobs(request);

        // then: approved and sent, not back to drafting
        expect("two approvals should outvote one request for changes", () -> assertThat(request)
                .hasPassed(Elements.SEND_REQUEST_MAIL)
                .isWaitingAt(Elements.AWAIT_REPLY)
                .isNotWaitingAt(Elements.DRAFT_REQUEST));
        assertThat(passedCount(request, Elements.DRAFT_REQUEST)).as("drafting should have been done once")
                .isEqualTo(1);
        assertThat(mailed(MailKind.REQUEST)).as("the request should go out once").containsExactly(IOM);
    }

    @Test
    void aRejectionBeforeTheSecondApprovalStillRejectsWhenTwoApprovalsSuffice() throws IOException {
        // given: two approvals suffice
        ownerDeploys(withRowBefore("Rule_WaitForEveryCountry", TWO_APPROVALS_SUFFICE));
        ProcessInstance request = startRequestInApproval();

        // when: HN approves and MX rejects
        decide(request, "HN", "approve", null);
        decide(request, "MX", "reject", "Outside the Conference's mandate");

        // then: the rejection row still comes first
        expect("a rejection should end the request", () -> assertThat(request)
                .hasPassed(Elements.END_REJECTED)
                .hasNotPassed(Elements.SEND_REQUEST_MAIL)
                .isEnded());
        assertThat(details().state()).as("request state").isEqualTo(RequestState.REJECTED);
    }

    @Test
    void silenceSendsTheDraftBackOnceTheOwnerSaysSoInTheSilenceRow() throws IOException {
        // given: the owner changed the output of the silence row from "approved" to "changes-requested"
        ownerDeploys(withSilenceRowOutput("\"changes-requested\""));
        ProcessInstance request = startRequestInApproval();

        // when: MX's silence period ends and the others approve
        execute(timer(BOUNDARY_SILENCE_PERIOD_OVER, approvalTask(request, "MX").getExecutionId()));
        runAsyncJobs(request);
        decide(request, "HN", "approve", null);
        decide(request, "SV", "approve", null);
        runAsyncJobs(request);

        // then: MX's silence sent the request back to drafting with a note for the officer, and nothing was sent
        assertThat(lastOutcome(request).getOutputs().get(0).getRuleId()).as("the row that decided")
                .isEqualTo("Rule_SilenceIsConsent");
        assertThat(decisionOf("MX").decision()).as("MX's entry in the record").isEqualTo(Decision.SILENCE);
        expect("silence without consent should send the request back to drafting", () -> assertThat(request)
                .hasPassed(Elements.RECORD_SILENCE)
                .isWaitingAtExactly(Elements.DRAFT_REQUEST));
        assertThat((String) runtimeService.getVariable(request.getId(), Variables.APPROVAL_COMMENTS))
                .as("MX's silence should be noted for the officer").contains("MX (silence)");
        assertThat(details().state()).as("request state").isEqualTo(RequestState.DRAFTING);
        assertThat(mailed(MailKind.REQUEST)).as("nothing should be sent").isEmpty();
    }

    @Test
    void aTableThatLeavesACaseOpenRefusesTheAnswerInsteadOfSendingTheRequest() throws IOException {
        // given: the owner deleted the last row, "every country approved"
        String shipped = Files.readString(TABLE, StandardCharsets.UTF_8);
        int row = shipped.indexOf("      <rule id=\"Rule_AllApproved\">");
        int after = shipped.indexOf("      </rule>\n", row) + "      </rule>\n".length();
        assertThat(row).as("the shipped table should have the row Rule_AllApproved").isPositive();
        ownerDeploys(shipped.substring(0, row) + shipped.substring(after));
        ProcessInstance request = startRequestInApproval();
        decide(request, "HN", "approve", null);
        decide(request, "MX", "approve", null);

        // when / then: SV's approval, which no row covers, is refused with the gateway named
        assertThatThrownBy(() -> decide(request, "SV", "approve", null))
                .as("an approval that no row of the table covers should be refused")
                .hasMessageContaining("Gateway_TroikaDecision");

        // then: the approval stays open and nothing was sent (the registry's row of SV's approval is rolled back
        // with the engine's transaction in the application; this test's registry is not part of that transaction)
        assertThat(approvalTasks(request)).as("SV's approval should stay open").hasSize(1);
        assertThat(mailed(MailKind.REQUEST)).as("nothing should be sent").isEmpty();
        assertThat(details().state()).as("request state").isEqualTo(RequestState.IN_APPROVAL);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The owner's edit
    // ---------------------------------------------------------------------------------------------------------

    /** The shipped table with one more row, before the row with the given id. */
    static String withRowBefore(String ruleId, String row) throws IOException {
        String shipped = Files.readString(TABLE, StandardCharsets.UTF_8);
        String anchor = "      <rule id=\"" + ruleId + "\">\n";
        assertThat(shipped).as("the shipped table should have the row %s", ruleId).contains(anchor);
        return shipped.replace(anchor, row + anchor);
    }

    /** The shipped table with another output in the silence row. */
    static String withSilenceRowOutput(String output) throws IOException {
        String shipped = Files.readString(TABLE, StandardCharsets.UTF_8);
        String cell = """
                        <outputEntry id="OutputEntry_SilenceIsConsent">
                          <text>"approved"</text>
                """;
        assertThat(shipped).as("the shipped silence row should say \"approved\"").contains(cell);
        return shipped.replace(cell, cell.replace("\"approved\"", output));
    }

    /** Deploys the edited table alone, as a new version of the decision; the model stays as deployed. */
    private void ownerDeploys(String table) {
        ownersDeployment = repositoryService.createDeployment().name("process owner's change")
                .addString(TABLE.getFileName().toString(), table).deploy().getId();
        DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .latestVersion().singleResult();
        assertThat(latest.getDeploymentId()).as("the latest table should be the owner's").isEqualTo(ownersDeployment);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(RequestProcess.KEY)
                .latestVersion().singleResult().getDeploymentId()).as("the model should be the one shipped")
                .isEqualTo(deploymentId);
    }

    /** A request registered and started as the API does, drafted, with its three Troika approvals open. */
    private ProcessInstance startRequestInApproval() {
        registry.insert(REFERENCE, validRequest("information", IOM), "officer1");
        ProcessInstance request = runtimeService.startProcessInstanceByKey(RequestProcess.KEY, REFERENCE);
        completeDraft(request);
        assertThat(approvalTasks(request)).as("one approval task per Troika country").hasSize(3);
        return request;
    }

    private HistoricDecisionInstance lastOutcome(ProcessInstance request) {
        List<HistoricDecisionInstance> asked = historyService.createHistoricDecisionInstanceQuery()
                .processInstanceId(request.getId()).decisionDefinitionKey(DECISION).includeOutputs()
                .orderByEvaluationTime().asc().list();
        assertThat(asked).as("%s should have been asked", DECISION).isNotEmpty();
        HistoricDecisionInstance last = asked.get(asked.size() - 1);
        assertThat(last.getDecisionDefinitionId()).as("the table asked should be the owner's version")
                .isEqualTo(repositoryService.createDecisionDefinitionQuery().deploymentId(ownersDeployment)
                        .singleResult().getId());
        return last;
    }
}
