package org.rcm.requests.mail.outbound;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/** Sends the reviewer's follow-up question about a reply; the recipient then awaits a reply again. */
@Component("sendClarificationMailDelegate")
class SendClarificationMailDelegate extends RecipientMailDelegate {

    SendClarificationMailDelegate(OutboundMailService mail) {
        super(mail, MailKind.CLARIFICATION);
    }

    @Override
    String clarification(DelegateExecution execution) {
        return (String) execution.getVariable(Variables.CLARIFICATION);
    }
}
