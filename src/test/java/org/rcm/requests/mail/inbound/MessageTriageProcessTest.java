package org.rcm.requests.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code processes/MessageTriage.bpmn}, with the real listener and a mocked inbound service. */
class MessageTriageProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml").build();

    private final InboundMailService inbound = mock(InboundMailService.class);
    private ProcessEngine engine;
    private String deploymentId;

    @BeforeEach
    void deploy() throws Exception {
        engine = ENGINE.getProcessEngine();
        BpmnAwareTests.init(engine);
        Mocks.register("triageCompletedListener", new TriageCompletedListener(inbound));
        deploymentId = engine.getRepositoryService().createDeployment()
                .addInputStream("MessageTriage.bpmn", java.nio.file.Files.newInputStream(
                        Path.of("processes", "MessageTriage.bpmn")))
                .addInputStream("Form_TriageMessage.form", java.nio.file.Files.newInputStream(
                        Path.of("processes", "Form_TriageMessage.form"))).deploy().getId();
    }

    @AfterEach
    void undeploy() {
        engine.getRepositoryService().deleteDeployment(deploymentId, true, true);
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void attachedMessageIsDeliveredToTheNamedRecipient() {
        // given: a message in triage with a suggested request
        ProcessInstance triage = start();

        // when: the officer attaches it to CRM-2026-0007 / iom
        engine.getTaskService().complete(task(triage).getId(), Map.of("decision", "attach",
                "reference", "crm-2026-0007", "recipient", "iom"));

        // then: it is delivered as IOM's reply and the triage ends attached
        verify(inbound).attach(42L, "CRM-2026-0007", "IOM");
        BpmnAwareTests.assertThat(triage).hasPassed("EndEvent_MessageAttached").isEnded();
    }

    @Test
    void dismissedMessageIsOnlyFiled() {
        ProcessInstance triage = start();

        engine.getTaskService().complete(task(triage).getId(), Map.of("decision", "dismiss"));

        verify(inbound, never()).attach(anyLong(), anyString(), anyString());
        BpmnAwareTests.assertThat(triage).hasPassed("EndEvent_MessageDismissed").isEnded();
    }

    @Test
    void attachingToARecipientThatIsNotWaitingIsRefusedAndTheTaskStays() {
        ProcessInstance triage = start();
        doThrow(new IllegalArgumentException("reference/recipient: CRM-2026-0007 / IOM is not awaiting a reply"))
                .when(inbound).attach(42L, "CRM-2026-0007", "IOM");

        assertThatThrownBy(() -> engine.getTaskService().complete(task(triage).getId(), Map.of("decision", "attach",
                "reference", "CRM-2026-0007", "recipient", "IOM"))).as("attaching to a closed request")
                .hasMessageContaining("not awaiting");
        BpmnAwareTests.assertThat(triage).isWaitingAt("Task_TriageMessage");
    }

    @Test
    void attachingWithoutARequestIsRefused() {
        ProcessInstance triage = engine.getRuntimeService().startProcessInstanceByKey("MessageTriage",
                Map.of("correspondenceId", 42L));

        assertThatThrownBy(() -> engine.getTaskService().complete(task(triage).getId(), Map.of("decision",
                "attach"))).as("attaching with no reference").hasMessageContaining("reference/recipient");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(triage.getId()).count())
                .as("triage still open").isEqualTo(1);
    }

    private ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey("MessageTriage", Map.of("correspondenceId", 42L,
                "reference", "CRM-2026-0007", "recipient", "IOM", "from", "someone@example.com"));
    }
}
