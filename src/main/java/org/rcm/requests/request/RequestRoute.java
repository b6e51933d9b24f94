package org.rcm.requests.request;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcm.requests.directory.Troika;
import org.springframework.stereotype.Component;

/**
 * Where a request goes, read from the record for the model's multi-instance collections
 * ({@code ${requestRoute.recipients(execution)}}): never from a variable that a task user could have written.
 */
@Component("requestRoute")
public class RequestRoute {

    private final RequestRegistry registry;
    private final Troika troika;

    RequestRoute(RequestRegistry registry, Troika troika) {
        this.registry = registry;
        this.troika = troika;
    }

    public List<String> recipients(DelegateExecution execution) {
        return registry.recipientCodes(execution.getProcessBusinessKey());
    }

    /**
     * A recipient's due date, {@code 2026-03-20}, as the registry has it: the request's, or the recipient's own when
     * the due date was given in working days ({@code ${requestRoute.replyDue(execution, recipient)}}).
     */
    public String replyDue(DelegateExecution execution, String recipient) {
        String reference = execution.getProcessBusinessKey();
        return registry.recipientDue(reference, recipient).orElseThrow(() -> new IllegalStateException(recipient
                + " is no recipient of " + reference)).toString();
    }

    public List<String> troikaCountries() {
        return troika.codes();
    }
}
