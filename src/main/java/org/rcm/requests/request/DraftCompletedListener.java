package org.rcm.requests.request;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * When drafting is done: the same checks as at the start, the registry takes the new text, and the Troika starts
 * afresh (the registry opens a new approval round; the last round's comments leave the form).
 */
@Component("draftCompletedListener")
class DraftCompletedListener implements TaskListener {

    private final RequestService service;
    private final RequestVariables variables;
    DraftCompletedListener(RequestService service, RequestVariables variables) {
        this.service = service;
        this.variables = variables;
    }

    @Override
    public void notify(DelegateTask task) {
        String reference = task.getExecution().getProcessBusinessKey();
        ValidRequest request = service.updateDraft(reference, variables.read(task));
        variables.write(task.getExecution(), reference, request);
        task.getExecution().removeVariable(Variables.APPROVAL_COMMENTS);
    }
}
