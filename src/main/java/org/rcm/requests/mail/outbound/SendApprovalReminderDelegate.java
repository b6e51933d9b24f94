package org.rcm.requests.mail.outbound;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/** Reminds a Troika country that its approval of a request is pending. */
@Component("sendApprovalReminderDelegate")
class SendApprovalReminderDelegate implements JavaDelegate {

    private final OutboundMailService mail;

    SendApprovalReminderDelegate(OutboundMailService mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
        String country = (String) execution.getVariable(Variables.TROIKA_COUNTRY);
        mail.send(reference, country, MailKind.APPROVAL_REMINDER, null, null);
    }
}
