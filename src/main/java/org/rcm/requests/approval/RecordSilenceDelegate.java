package org.rcm.requests.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Silence procedure: a Troika country that did not answer in time is recorded as silent, and the decision table
 * {@code Decision_ApprovalOutcome} says what that counts as. Instances of model versions 1 and 2 carry their own rule,
 * the input {@code silenceIsConsent}: for them silence is recorded as the approval or request for changes it meant.
 */
@Component("recordSilenceDelegate")
public class RecordSilenceDelegate implements JavaDelegate {

    private static final String NO_ANSWER = "sin respuesta en el plazo / no answer within the approval period";

    private final ApprovalTally tally;

    public RecordSilenceDelegate(ApprovalTally tally) {
        this.tally = tally;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String country = (String) execution.getVariable(Variables.TROIKA_COUNTRY);
        if (!execution.hasVariable(Variables.SILENCE_IS_CONSENT)) {
            tally.record(execution, country, Decision.SILENCE, NO_ANSWER);
        } else if (Boolean.TRUE.equals(execution.getVariable(Variables.SILENCE_IS_CONSENT))) {
            tally.record(execution, country, Decision.APPROVE,
                    "sin respuesta: el silencio cuenta como aprobación / no answer: silence counts as approval");
        } else {
            tally.record(execution, country, Decision.CHANGES, NO_ANSWER);
        }
    }
}
