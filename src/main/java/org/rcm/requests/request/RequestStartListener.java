package org.rcm.requests.request;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * At the start of a request: a request from the Tasklist start form is validated and registered here and gets its
 * reference as business key; one from the API or a meeting import was registered already and is read from the
 * registry (a business key that names a request already started is not taken). Both leave the same display copies, and nothing else a starter sent along.
 */
@Component("requestStartListener")
class RequestStartListener implements ExecutionListener {

    /** What an instance keeps of what it was started with: the start form's fields and the starter's id. */
    private static final Set<String> START_FIELDS = Set.of(Variables.SUBJECT, Variables.BODY, Variables.RECIPIENTS,
            Variables.REPLY_DUE, Variables.REPLY_DUE_WORKING_DAYS, Variables.KIND, Variables.LANGUAGE,
            Variables.SUBJECT_ES, Variables.BODY_ES, Variables.SUBJECT_EN, Variables.BODY_EN, Variables.ACKNOWLEDGEMENT,
            Variables.TOPIC, "initiator");

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
        String reference = execution.getProcessBusinessKey();
        ValidRequest request = reference == null ? null : registry.awaitingStart(reference).orElse(null);
        if (request == null) {
            request = validator.validate(variables.read(execution));
            reference = service.register(request, currentUser(execution));
            execution.setProcessBusinessKey(reference);
        }
        for (String name : execution.getVariableNames()) {
            if (!START_FIELDS.contains(name)) {
                execution.removeVariable(name);
            }
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
