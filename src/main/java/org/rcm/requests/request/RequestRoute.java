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

    public List<String> troikaCountries() {
        return troika.codes();
    }
}
