package org.rcm.requests.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Silence procedure: a Troika country that did not answer in time. The model's {@code silenceIsConsent} says
 * whether that counts as approval; otherwise the request goes back to drafting with a note.
 */
@Component("recordSilenceDelegate")
public class RecordSilenceDelegate implements JavaDelegate {

    private final ApprovalTally tally;

    public RecordSilenceDelegate(ApprovalTally tally) {
        this.tally = tally;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean consent = Boolean.TRUE.equals(execution.getVariable(Variables.SILENCE_IS_CONSENT));
        String country = (String) execution.getVariable(Variables.TROIKA_COUNTRY);
        tally.record(execution, country, consent ? Decision.APPROVE : Decision.CHANGES, consent
                ? "sin respuesta: el silencio cuenta como aprobación / no answer: silence counts as approval"
                : "sin respuesta en el plazo / no answer within the approval period");
    }
}
