package org.rcm.requests.mail.outbound;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcm.requests.directory.Troika;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/** Tells each Troika country that a recipient has not answered. */
@Component("sendEscalationMailDelegate")
class SendEscalationMailDelegate implements JavaDelegate {

    private final OutboundMailService mail;
    private final Troika troika;

    SendEscalationMailDelegate(OutboundMailService mail, Troika troika) {
        this.mail = mail;
        this.troika = troika;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = (String) execution.getVariable(Variables.REFERENCE);
        String recipient = (String) execution.getVariable(Variables.RECIPIENT);
        for (String country : troika.codes()) {
            mail.send(reference, country, MailKind.ESCALATION, recipient, null);
        }
    }
}
