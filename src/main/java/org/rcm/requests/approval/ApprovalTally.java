package org.rcm.requests.approval;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Adds one Troika country's decision to the record (the registry's approval round) and refreshes the display copy of
 * the round's comments that the drafting form shows. Which way the request goes is the decision table
 * {@code Decision_ApprovalOutcome}'s to say ({@link ApprovalOutcome}'s on model version 2).
 */
@Component
public class ApprovalTally {

    private final ApprovalDecisions decisions;

    ApprovalTally(ApprovalDecisions decisions) {
        this.decisions = decisions;
    }

    public void record(DelegateExecution execution, String country, Decision decision, String comment) {
        String reference = execution.getProcessBusinessKey();
        String text = comment == null || comment.isBlank() ? null : comment.trim();
        decisions.record(reference, country, decision, text, currentUser(execution));
        String comments = decisions.currentRoundOf(reference).stream().filter(made -> made.comment() != null)
                .map(made -> made.country() + " (" + made.decision().code() + "): " + made.comment())
                .collect(Collectors.joining("\n"));
        if (!comments.isEmpty() || execution.hasVariable(Variables.APPROVAL_COMMENTS)) {
            execution.setVariable(Variables.APPROVAL_COMMENTS, comments.isEmpty() ? null : comments);
        }
        // Instances of the first model version (started before the registry kept the decisions) read these two.
        if (execution.hasVariable(Variables.APPROVAL_REJECTED)) {
            switch (decision) {
                case REJECT -> execution.setVariable(Variables.APPROVAL_REJECTED, true);
                case CHANGES -> execution.setVariable(Variables.CHANGES_REQUESTED, true);
                case APPROVE, SILENCE -> { }
            }
        }
    }

    private static String currentUser(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
