package org.rcm.requests.mail.outbound;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcm.requests.request.RequestProcess.Variables;

/** Sends one kind of message to the recipient of the current sub-process instance. */
abstract class RecipientMailDelegate implements JavaDelegate {

    private final OutboundMailService mail;
    private final MailKind kind;

    RecipientMailDelegate(OutboundMailService mail, MailKind kind) {
        this.mail = mail;
        this.kind = kind;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
        String recipient = (String) execution.getVariable(Variables.RECIPIENT);
        mail.send(reference, recipient, kind, null, clarification(execution));
        afterSending(reference, recipient);
    }

    String clarification(DelegateExecution execution) {
        return null;
    }

    void afterSending(String reference, String recipient) {
    }
}
