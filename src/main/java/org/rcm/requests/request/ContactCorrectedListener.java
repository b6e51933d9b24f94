package org.rcm.requests.request;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rcm.requests.directory.Directory;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/** After a bounce: {@code resend} with a corrected address (kept in the directory), or {@code close}. */
@Component("contactCorrectedListener")
class ContactCorrectedListener implements org.camunda.bpm.engine.delegate.TaskListener {

    private final Directory directory;

    ContactCorrectedListener(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void notify(DelegateTask task) {
        Object action = task.getVariable(Variables.CONTACT_ACTION);
        if ("close".equals(action)) {
            return;
        }
        if (!"resend".equals(action)) {
            throw new IllegalArgumentException("contactAction: elija resend o close / choose resend or close (was '"
                    + action + "')");
        }
        String email = String.valueOf(task.getVariable(Variables.CORRECTED_EMAIL)).trim();
        try {
            new InternetAddress(email, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("correctedEmail: dirección no válida / not a valid address: '" + email
                    + "'");
        }
        directory.updateContactEmail((String) task.getVariable(Variables.RECIPIENT), email.toLowerCase());
    }
}
