package org.rcm.requests.approval;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/** Checks and records a Troika delegate's decision; asking for changes or rejecting needs a comment. */
@Component("approvalCompletedListener")
public class ApprovalCompletedListener implements TaskListener {

    private final ApprovalTally tally;

    public ApprovalCompletedListener(ApprovalTally tally) {
        this.tally = tally;
    }

    @Override
    public void notify(DelegateTask task) {
        Decision decision = Decision.parse(task.getVariable(Variables.DECISION)).orElseThrow(() ->
                new IllegalArgumentException("decision: elija approve, changes o reject / choose approve, changes "
                        + "or reject (was '" + task.getVariable(Variables.DECISION) + "')"));
        Object comment = task.getVariable(Variables.COMMENT);
        if (decision != Decision.APPROVE && (comment == null || comment.toString().isBlank())) {
            throw new IllegalArgumentException("comment: explique los cambios o el rechazo / explain the changes "
                    + "or the rejection");
        }
        tally.record(task.getExecution(), (String) task.getVariable(Variables.TROIKA_COUNTRY), decision,
                comment == null ? null : comment.toString());
    }
}
