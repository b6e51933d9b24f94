package org.rcm.requests.mail.outbound;

import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcm.requests.request.RequestRegistry;

/**
 * The real mail delegates of the request process by the bean names the model uses, over the given mail service (a
 * mock in process tests: mail has its own GreenMail tests), for tests of other packages.
 */
public final class TestMailDelegates {

    private TestMailDelegates() {
    }

    public static Map<String, JavaDelegate> over(OutboundMailService mail, RequestRegistry registry) {
        return Map.of(
                "sendRequestMailDelegate", new SendRequestMailDelegate(mail, registry),
                "sendReminderMailDelegate", new SendReminderMailDelegate(mail),
                "sendClarificationMailDelegate", new SendClarificationMailDelegate(mail),
                "sendEscalationMailDelegate", new SendEscalationMailDelegate(mail),
                "sendApprovalReminderDelegate", new SendApprovalReminderDelegate(mail));
    }
}
