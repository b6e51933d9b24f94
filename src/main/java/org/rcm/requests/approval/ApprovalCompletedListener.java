package org.rcm.requests.approval;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Checks and records a Troika delegate's decision; asking for changes or rejecting needs a comment. The country is
 * the task's candidate group {@code troika-XX}, which only that country's delegates may work on.
 */
@Component("approvalCompletedListener")
public class ApprovalCompletedListener implements TaskListener {

    private static final String GROUP_PREFIX = "troika-";

    private final ApprovalTally tally;

    public ApprovalCompletedListener(ApprovalTally tally) {
        this.tally = tally;
    }

    @Override
    public void notify(DelegateTask task) {
        Decision decision = Decision.parse(task.getVariable(Variables.DECISION)).filter(Decision::isAnswer)
                .orElseThrow(() -> new IllegalArgumentException("decision: elija approve, changes o reject / choose "
                        + "approve, changes or reject (was '" + task.getVariable(Variables.DECISION) + "')"));
        Object comment = task.getVariable(Variables.COMMENT);
        if (decision != Decision.APPROVE && (comment == null || comment.toString().isBlank())) {
            throw new IllegalArgumentException("comment: explique los cambios o el rechazo / explain the changes "
                    + "or the rejection");
        }
        tally.record(task.getExecution(), country(task), decision, comment == null ? null : comment.toString());
    }

    private static String country(DelegateTask task) {
        return task.getCandidates().stream().map(IdentityLink::getGroupId)
                .filter(group -> group != null && group.startsWith(GROUP_PREFIX))
                .map(group -> group.substring(GROUP_PREFIX.length())).findFirst()
                .orElseThrow(() -> new IllegalStateException("approval task " + task.getId()
                        + " has no troika-XX candidate group"));
    }
}
