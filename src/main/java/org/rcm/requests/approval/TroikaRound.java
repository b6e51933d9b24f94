package org.rcm.requests.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The inputs of the decision table {@code Decision_ApprovalOutcome}, as the model's {@code Task_DecideTroikaOutcome}
 * maps them ({@code ${troikaRound.approvals(execution)}}): how many Troika countries approved, asked for changes,
 * rejected or stayed silent in the request's current approval round (the registry's record), and how many are still
 * to answer. What the numbers mean is the table's to say.
 */
@Component("troikaRound")
public class TroikaRound {

    /** The engine's count of the instances of the multi-instance Troika approval: the countries this round asks. */
    private static final String COUNTRIES_ASKED = "nrOfInstances";

    private final ApprovalDecisions decisions;

    TroikaRound(ApprovalDecisions decisions) {
        this.decisions = decisions;
    }

    public int approvals(DelegateExecution execution) {
        return count(execution, Decision.APPROVE);
    }

    public int changeRequests(DelegateExecution execution) {
        return count(execution, Decision.CHANGES);
    }

    public int rejections(DelegateExecution execution) {
        return count(execution, Decision.REJECT);
    }

    public int silences(DelegateExecution execution) {
        return count(execution, Decision.SILENCE);
    }

    /** Countries this round asks that have neither answered nor reached the end of their silence period. */
    public int unanswered(DelegateExecution execution) {
        if (!(execution.getVariable(COUNTRIES_ASKED) instanceof Integer asked)) {
            throw new IllegalStateException("the countries still to answer are known only inside the Troika "
                    + "approval (no " + COUNTRIES_ASKED + " on " + execution.getCurrentActivityId() + ")");
        }
        return Math.max(0, asked - decisions.currentRoundOf(execution.getProcessBusinessKey()).size());
    }

    private int count(DelegateExecution execution, Decision decision) {
        return (int) decisions.currentRoundOf(execution.getProcessBusinessKey()).stream()
                .filter(made -> made.decision() == decision).count();
    }
}
