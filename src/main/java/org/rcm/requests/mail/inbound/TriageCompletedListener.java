package org.rcm.requests.mail.inbound;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/** Triage decided: {@code attach} delivers the message as the named recipient's reply; {@code dismiss} files it. */
@Component("triageCompletedListener")
class TriageCompletedListener implements TaskListener {

    private final InboundMailService inbound;

    TriageCompletedListener(InboundMailService inbound) {
        this.inbound = inbound;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable("decision");
        if ("dismiss".equals(decision)) {
            return;
        }
        if (!"attach".equals(decision)) {
            throw new IllegalArgumentException("decision: elija attach o dismiss / choose attach or dismiss (was '"
                    + decision + "')");
        }
        String reference = text(task, Variables.REFERENCE);
        String recipient = text(task, Variables.RECIPIENT);
        if (reference.isEmpty() || recipient.isEmpty()) {
            throw new IllegalArgumentException("reference/recipient: indique la solicitud y el destinatario / name "
                    + "the request and the recipient");
        }
        inbound.attach(((Number) task.getVariable("correspondenceId")).longValue(), reference, recipient);
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? "" : value.toString().trim().toUpperCase(Locale.ROOT);
    }
}
