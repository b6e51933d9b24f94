package org.rcm.requests.mail.outbound;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Tells one Troika country that a recipient has not answered. The model runs it once per Troika country, each in a
 * job of its own, so that a failure to reach one country never sends the others' message twice.
 */
@Component("sendEscalationMailDelegate")
class SendEscalationMailDelegate implements JavaDelegate {

    private final OutboundMailService mail;

    SendEscalationMailDelegate(OutboundMailService mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mail.send(execution.getProcessBusinessKey(),
                (String) execution.getVariable(Variables.TROIKA_COUNTRY), MailKind.ESCALATION,
                (String) execution.getVariable(Variables.RECIPIENT), null);
    }
}
