package org.rcm.requests.approval;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the Troika decided so far, read from the registry for the completion condition and gateway of model version 2
 * ({@code ${approvalOutcome.rejected(execution)}}): one {@code reject} rejects, any {@code changes} (and no reject)
 * sends the request back to drafting. Version 2's rule, kept for the requests that run on it; from version 3 on the
 * decision table {@code Decision_ApprovalOutcome} decides (fed by {@link TroikaRound}).
 */
@Component("approvalOutcome")
public class ApprovalOutcome {

    private final ApprovalDecisions decisions;

    ApprovalOutcome(ApprovalDecisions decisions) {
        this.decisions = decisions;
    }

    public boolean rejected(DelegateExecution execution) {
        return decisionsOf(execution).contains(Decision.REJECT);
    }

    public boolean changesRequested(DelegateExecution execution) {
        List<Decision> made = decisionsOf(execution);
        return !made.contains(Decision.REJECT) && made.contains(Decision.CHANGES);
    }

    private List<Decision> decisionsOf(DelegateExecution execution) {
        return decisions.currentRoundOf(execution.getProcessBusinessKey()).stream()
                .map(ApprovalDecisions.Recorded::decision).toList();
    }
}
