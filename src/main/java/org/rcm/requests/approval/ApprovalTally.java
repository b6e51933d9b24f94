package org.rcm.requests.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Adds one Troika country's decision to the request: one {@code reject} rejects it, any {@code changes} sends it
 * back to drafting, and every comment is kept for the officer to read.
 */
@Component
public class ApprovalTally {

    public void record(DelegateExecution execution, String country, Decision decision, String comment) {
        switch (decision) {
            case REJECT -> execution.setVariable(Variables.APPROVAL_REJECTED, true);
            case CHANGES -> execution.setVariable(Variables.CHANGES_REQUESTED, true);
            case APPROVE -> { }
        }
        if (comment != null && !comment.isBlank()) {
            Object earlier = execution.getVariable(Variables.APPROVAL_COMMENTS);
            String line = country + " (" + decision.code() + "): " + comment.trim();
            execution.setVariable(Variables.APPROVAL_COMMENTS, earlier == null ? line : earlier + "\n" + line);
        }
    }
}
