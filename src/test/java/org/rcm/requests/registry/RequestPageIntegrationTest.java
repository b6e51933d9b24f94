package org.rcm.requests.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.TestMailServer;
import org.rcm.requests.request.NewRequest;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestService;
import org.springframework.beans.factory.annotation.Autowired;

class RequestPageIntegrationTest extends IntegrationTestBase {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(30);

    @Autowired
    RequestService requests;
    @Autowired
    RequestJourney journey;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;

    @Test
    void explore() throws Exception {
        String subject = "Historia " + UUID.randomUUID();
        RequestService.Started started = requests.start(new NewRequest(subject, "Solicitamos la información.",
                List.of("IOM", "PAHO"), LocalDate.now().plusDays(30).toString(), "information", "es"), List.of(),
                "officer1");
        String reference = started.reference();
        String pid = started.processInstanceId();
        journey.complete(journey.onlyTask(reference, Elements.DRAFT_REQUEST, "officer1"), "officer1", Map.of());
        journey.complete(journey.onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-mx"), "delegate-mx",
                Map.of(Variables.DECISION, "changes", Variables.COMMENT, "Precisar el plazo"));
        journey.complete(journey.onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-hn"), "delegate-hn",
                Map.of(Variables.DECISION, "approve"));
        journey.complete(journey.onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-sv"), "delegate-sv",
                Map.of(Variables.DECISION, "approve", Variables.COMMENT, "De acuerdo"));
        journey.complete(journey.onlyTask(reference, Elements.DRAFT_REQUEST, "officer2"), "officer2", Map.of());
        for (String d : List.of("delegate-hn", "delegate-mx", "delegate-sv")) {
            journey.complete(journey.onlyTask(reference, Elements.APPROVE_REQUEST, d), d,
                    Map.of(Variables.DECISION, "approve"));
        }
        await().atMost(FEW_SECONDS).until(() -> journey.sentMessage(reference, "IOM").isPresent()
                && journey.sentMessage(reference, "PAHO").isPresent());
        TestMailServer.sendToSecretariat(reply(reference, "focal.point@iom.example.org", "IOM",
                "Primera respuesta <script>alert(1)</script>"));
        Task review = await().atMost(FEW_SECONDS).until(() -> task(reference, Elements.REVIEW_REPLY), t -> t != null);
        journey.complete(review, "officer1", Map.of(Variables.OUTCOME, "clarify", Variables.CLARIFICATION,
                "¿Qué años cubren?"));
        await().atMost(FEW_SECONDS).until(() -> runtime.createExecutionQuery().processInstanceId(pid)
                .activityId(Elements.AWAIT_REPLY).count() == 2);
        TestMailServer.sendToSecretariat(reply(reference, "focal.point@iom.example.org", "IOM", "De 2010 a 2016."));
        Task review2 = await().atMost(FEW_SECONDS).until(() -> task(reference, Elements.REVIEW_REPLY), t -> t != null);
        journey.complete(review2, "officer2", Map.of(Variables.OUTCOME, "accept"));
        Job due = overdueTimer(pid, "PAHO");
        management.executeJob(due.getId());
        Task followUp = await().atMost(FEW_SECONDS).until(() -> task(reference, Elements.FOLLOW_UP), t -> t != null);
        journey.complete(followUp, "officer1", Map.of(Variables.ACTION, "remind", Variables.NEW_DUE_DATE,
                LocalDate.now().plusDays(40).toString()));
        await().atMost(FEW_SECONDS).until(() -> overdueTimerOrNull(pid, "PAHO") != null);
        management.executeJob(overdueTimer(pid, "PAHO").getId());
        Task followUp2 = await().atMost(FEW_SECONDS).until(() -> task(reference, Elements.FOLLOW_UP), t -> t != null);
        journey.complete(followUp2, "officer2", Map.of(Variables.ACTION, "close"));
        await().atMost(FEW_SECONDS).until(() -> runtime.createProcessInstanceQuery().processInstanceId(pid).count() == 0);

        history.createHistoricTaskInstanceQuery().processInstanceId(pid).orderByHistoricActivityInstanceStartTime().asc()
                .list().forEach(t -> System.out.println("TASK " + t.getId() + " " + t.getTaskDefinitionKey() + " exec="
                        + t.getExecutionId() + " ai=" + t.getActivityInstanceId() + " assignee=" + t.getAssignee()
                        + " end=" + t.getEndTime() + " reason=" + t.getDeleteReason()));
        history.createHistoricDetailQuery().processInstanceId(pid).variableUpdates().orderByTime().asc().list()
                .forEach(d -> {
                    HistoricVariableUpdate u = (HistoricVariableUpdate) d;
                    System.out.println("DETAIL " + u.getVariableName() + "=" + u.getValue() + " task=" + u.getTaskId()
                            + " ai=" + u.getActivityInstanceId() + " exec=" + u.getExecutionId() + " time="
                            + u.getTime() + " rev=" + u.getRevision() + " init=" + u.isInitial());
                });
        history.createHistoricActivityInstanceQuery().processInstanceId(pid).orderByHistoricActivityInstanceStartTime()
                .asc().list().forEach(a -> System.out.println("ACT " + a.getId() + " " + a.getActivityId() + " parent="
                        + a.getParentActivityInstanceId() + " exec=" + a.getExecutionId() + " task=" + a.getTaskId()
                        + " end=" + a.getEndTime()));
        history.createUserOperationLogQuery().processInstanceId(pid).list().forEach(o -> System.out.println("OPLOG "
                + o.getOperationType() + " task=" + o.getTaskId() + " user=" + o.getUserId() + " prop="
                + o.getProperty() + " time=" + o.getTimestamp()));
        assertThat(reference).isNotNull();
    }

    private Task task(String reference, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).singleResult();
    }

    private Job overdueTimer(String pid, String recipient) {
        Job job = overdueTimerOrNull(pid, recipient);
        assertThat(job).as("overdue timer of " + recipient).isNotNull();
        return job;
    }

    private Job overdueTimerOrNull(String pid, String recipient) {
        return management.createJobQuery().timers().processInstanceId(pid).activityId("BoundaryEvent_ReplyOverdue").list()
                .stream().filter(job -> recipient.equals(runtime.getVariable(job.getExecutionId(), Variables.RECIPIENT)))
                .findFirst().orElse(null);
    }

    private static String reply(String reference, String from, String recipient, String text) {
        String original = "<" + (reference + "." + recipient + ".request.1@crm.example.org").toLowerCase() + ">";
        return "From: Focal point <" + from + ">\r\n"
                + "To: secretaria@crm.example.org\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@mail.example.org>\r\n"
                + "In-Reply-To: " + original + "\r\n"
                + "References: " + original + "\r\n"
                + "Subject: Re: [" + reference + "] Solicitud\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + text.replace("\n", "\r\n") + "\r\n\r\n"
                + "El lun, 1 dic 2026 a las 10:00, Secretaría Técnica <secretaria@crm.example.org> escribió:\r\n"
                + "> Solicitamos la información indicada.\r\n";
    }
}
