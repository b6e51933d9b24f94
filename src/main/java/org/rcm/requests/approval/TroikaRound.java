package org.rcm.requests.approval;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.IntegerValue;
import org.springframework.stereotype.Component;

/**
 * The inputs of the decision table {@code Decision_ApprovalOutcome}, as the model's {@code Task_DecideTroikaOutcome}
 * gets them ({@code ${troikaRound.count(execution)}}, a start listener of the task): how many Troika countries
 * approved, asked for changes, rejected or stayed silent in the request's current approval round (the registry's
 * record), and how many are still to answer. What the numbers mean is the table's to say.
 */
@Component("troikaRound")
public class TroikaRound {

    /** The engine's count of the instances of the multi-instance Troika approval: the countries this round asks. */
    private static final String COUNTRIES_ASKED = "nrOfInstances";

    private final ApprovalDecisions decisions;

    TroikaRound(ApprovalDecisions decisions) {
        this.decisions = decisions;
    }

    /**
     * The table's inputs ({@code approvals}, {@code changeRequests}, {@code rejections}, {@code silences},
     * {@code unanswered}) as transient variables of the deciding step: one read of the registry per decision, and
     * nothing stored (the decision's history keeps the inputs it was given).
     */
    public void count(DelegateExecution execution) {
        List<ApprovalDecisions.Recorded> round = decisions.currentRoundOf(execution.getProcessBusinessKey());
        execution.setVariableLocal("approvals", transientCount(round, Decision.APPROVE));
        execution.setVariableLocal("changeRequests", transientCount(round, Decision.CHANGES));
        execution.setVariableLocal("rejections", transientCount(round, Decision.REJECT));
        execution.setVariableLocal("silences", transientCount(round, Decision.SILENCE));
        execution.setVariableLocal("unanswered", Variables.integerValue(Math.max(0, asked(execution) - round.size()),
                true));
    }

    private static IntegerValue transientCount(List<ApprovalDecisions.Recorded> round, Decision decision) {
        return Variables.integerValue((int) round.stream().filter(made -> made.decision() == decision).count(), true);
    }

    private static int asked(DelegateExecution execution) {
        if (!(execution.getVariable(COUNTRIES_ASKED) instanceof Integer asked)) {
            throw new IllegalStateException("the countries still to answer are known only inside the Troika "
                    + "approval (no " + COUNTRIES_ASKED + " on " + execution.getCurrentActivityId() + ")");
        }
        return asked;
    }
}
