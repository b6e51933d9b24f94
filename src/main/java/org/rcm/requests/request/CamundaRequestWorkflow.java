package org.rcm.requests.request;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** {@link RequestWorkflow} on the embedded Camunda engine. */
@Component
class CamundaRequestWorkflow implements RequestWorkflow {

    private final RuntimeService runtime;

    CamundaRequestWorkflow(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public String start(String reference, Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey(RequestProcess.KEY, reference, variables).getId();
    }
}
