package org.rcm.requests.request;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/** Checks the review of a reply: {@code accept}, or {@code clarify} with the question to send. */
@Component("reviewCompletedListener")
class ReviewCompletedListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(Variables.OUTCOME);
        if ("accept".equals(outcome)) {
            return;
        }
        if (!"clarify".equals(outcome)) {
            throw new IllegalArgumentException("outcome: elija accept o clarify / choose accept or clarify (was '"
                    + outcome + "')");
        }
        Object question = task.getVariable(Variables.CLARIFICATION);
        if (question == null || question.toString().isBlank()) {
            throw new IllegalArgumentException("clarification: escriba la pregunta para el destinatario / "
                    + "write the question for the recipient");
        }
    }
}
