package org.rcm.requests.request;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Keeps the registry's states in step with the process. The model calls it from execution listeners, for example
 * {@code ${requestStates.request(execution, 'IN_APPROVAL')}}, so the states stand beside the elements they follow.
 */
@Component("requestStates")
public class RequestStates {

    private final RequestRegistry registry;

    RequestStates(RequestRegistry registry) {
        this.registry = registry;
    }

    public void request(DelegateExecution execution, String state) {
        registry.setState(reference(execution), RequestState.valueOf(state));
    }

    public void recipient(DelegateExecution execution, String state) {
        registry.setRecipientState(reference(execution), (String) execution.getVariable(Variables.RECIPIENT),
                RecipientState.valueOf(state));
    }

    public void rejected(DelegateExecution execution) {
        registry.close(reference(execution), RequestState.REJECTED, RequestOutcome.REJECTED);
    }

    /** Closes the request with the outcome its recipients' final states give. */
    public void closed(DelegateExecution execution) {
        String reference = reference(execution);
        List<RecipientState> states = registry.recipients(reference).stream()
                .map(RequestDetails.Recipient::state).toList();
        registry.close(reference, RequestState.CLOSED, RequestOutcome.of(states));
    }

    private static String reference(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }
}
