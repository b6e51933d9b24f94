package org.rcm.requests.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * At the start of a request: a request from the Tasklist start form is validated and registered here and gets its
 * reference as business key; one from the API was registered already. Both leave the same variables.
 */
@Component("requestStartListener")
class RequestStartListener implements ExecutionListener {

    private final RequestService service;
    private final RequestValidator validator;
    private final RequestRegistry registry;
    private final RequestVariables variables;

    RequestStartListener(RequestService service, RequestValidator validator, RequestRegistry registry,
                         RequestVariables variables) {
        this.service = service;
        this.validator = validator;
        this.registry = registry;
        this.variables = variables;
    }

    @Override
    public void notify(DelegateExecution execution) {
        ValidRequest request = validator.validate(variables.read(execution));
        String reference = execution.getProcessBusinessKey();
        if (reference == null || !registry.exists(reference)) {
            reference = service.register(request, currentUser(execution));
            execution.setProcessBusinessKey(reference);
        }
        registry.attachProcess(reference, execution.getProcessInstanceId());
        variables.write(execution, reference, request);
    }

    private static String currentUser(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
