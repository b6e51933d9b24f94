package org.rcm.requests.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.SubProcessBuilder;

/**
 * The bare Camunda engine (same version) on its own database with the product's database settings, running a
 * process of the product's shape with no-op delegates and no mail, driven exactly like {@link ProductLifecycle}.
 * <p>
 * The same: the engine version, the database and its URL options, a Hikari pool of the default size, history
 * {@code full}, UUID ids, the job executor on with the settings the Spring Boot starter gives the product (3–10
 * threads, queue of 3, 3 jobs per acquisition, 5 s wait, 60 s max wait), the DMN {@code processes/Decision_ApprovalRequired.dmn}, the
 * tasks and their candidate groups, the multi-instance sub-processes, the timers (not due), the asynchronous
 * continuations around sending and after the reply, the message correlation by business key and local
 * {@code correlationKey}, and the driver's task queries and completions (as the same users).
 * <p>
 * What differs: no REST start (the driver calls {@code startProcessInstanceByKey}), no registry, correspondence log,
 * listeners or engine plugins, no authorization checks, no email: the send delegate notes the time, and the reply is
 * {@code createMessageCorrelation} from the driver instead of an email read over IMAP. The difference between the
 * two columns is therefore what the product adds: its own tables, mail out and in, and its engine plugins.
 */
final class BaselineLifecycle implements Lifecycle {

    static final String KEY = "BaselineRequest";
    private static final String MESSAGE = "Msg_ReplyReceived";

    private final HikariDataSource dataSource;
    private final ProcessEngine engine;
    private final long startupMillis;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final EngineUsers users;
    private final HistoryService history;
    /** When the no-op send delegate ran, by {@code reference/recipient}: the baseline's "email out". */
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

    BaselineLifecycle(String jdbcUrl, String user, String password) throws Exception {
        long start = System.nanoTime();
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(user);
        pool.setPassword(password);
        dataSource = new HikariDataSource(pool);
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("baseline");
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(true);
        configuration.setMetricsEnabled(true);
        // the Spring Boot starter's default, as in the product (the database id generator would take a second
        // connection inside a command, and exhaust the pool under load)
        configuration.setIdGenerator(new StrongUuidGenerator());
        JavaDelegate noop = execution -> { };
        JavaDelegate send = execution -> sentAt.put(execution.getBusinessKey() + "/"
                + execution.getVariable("recipient"), System.currentTimeMillis());
        configuration.setBeans(Map.of("noop", noop, "send", send));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("baseline")
                .addModelInstance(KEY + ".bpmn", model())
                .addInputStream("Decision_ApprovalRequired.dmn", java.nio.file.Files.newInputStream(
                        Path.of("processes", "Decision_ApprovalRequired.dmn")))
                .deploy();
        startupMillis = (System.nanoTime() - start) / 1_000_000;
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        users = new EngineUsers(tasks, engine.getIdentityService());
        history = engine.getHistoryService();
    }

    /** The product's InteragencyRequest on its approved, answered and accepted path, with its timers and save points. */
    static BpmnModelInstance model() {
        return Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1825)
                .startEvent("StartEvent_RequestStarted")
                .userTask("Task_DraftRequest").camundaCandidateGroups("secretariat")
                .businessRuleTask("Task_DecideApprovalRequired").camundaDecisionRef("Decision_ApprovalRequired")
                .camundaResultVariable("approvalRequired").camundaMapDecisionResult("singleEntry")
                .exclusiveGateway("Gateway_ApprovalRequired")
                .condition("yes", "${approvalRequired}")
                .subProcess("SubProcess_TroikaApproval")
                .multiInstance().camundaCollection("${troikaCountries}").camundaElementVariable("troikaCountry")
                .<SubProcessBuilder>multiInstanceDone()
                .embeddedSubProcess().startEvent("StartEvent_ApprovalStarted")
                .userTask("Task_ApproveRequest").camundaCandidateGroups("troika-${troikaCountry}")
                .boundaryEvent("BoundaryEvent_ApprovalReminderDue").cancelActivity(false).timerWithDuration("P3D")
                .serviceTask("Task_SendApprovalReminder").camundaAsyncBefore().camundaAsyncAfter()
                .camundaDelegateExpression("${noop}").endEvent("EndEvent_ApprovalReminderSent")
                .moveToActivity("Task_ApproveRequest")
                .boundaryEvent("BoundaryEvent_SilencePeriodOver").timerWithDuration("P7D")
                .serviceTask("Task_RecordSilence").camundaAsyncBefore().camundaDelegateExpression("${noop}")
                .endEvent("EndEvent_SilenceRecorded")
                .moveToActivity("Task_ApproveRequest").endEvent("EndEvent_CountryDecided")
                .subProcessDone()
                .exclusiveGateway("Gateway_ReadyToSend")
                .subProcess("SubProcess_PerRecipient")
                .multiInstance().camundaCollection("${recipientList}").camundaElementVariable("recipient")
                .<SubProcessBuilder>multiInstanceDone()
                .embeddedSubProcess().startEvent("StartEvent_RecipientStarted")
                .serviceTask("Task_SendRequestMail").camundaAsyncBefore().camundaAsyncAfter()
                .camundaDelegateExpression("${send}")
                .receiveTask("Task_AwaitReply").message(MESSAGE).camundaAsyncAfter()
                .camundaInputParameter("correlationKey", "${reference}/${recipient}")
                .boundaryEvent("BoundaryEvent_ReplyOverdue").timerWithDate("${replyDue}T23:59:59")
                .userTask("Task_FollowUp").camundaCandidateGroups("secretariat").endEvent("EndEvent_RecipientClosed")
                .moveToActivity("Task_AwaitReply")
                .boundaryEvent("BoundaryEvent_ReminderDue").cancelActivity(false).timerWithCycle("R/P7D")
                .serviceTask("Task_SendReminderMail").camundaAsyncBefore().camundaAsyncAfter()
                .camundaDelegateExpression("${noop}").endEvent("EndEvent_ReminderSent")
                .moveToActivity("Task_AwaitReply")
                .userTask("Task_ReviewReply").camundaCandidateGroups("secretariat")
                .endEvent("EndEvent_RecipientAnswered")
                .subProcessDone()
                .endEvent("EndEvent_RequestClosed")
                .moveToNode("Gateway_ApprovalRequired").condition("no", "${!approvalRequired}")
                .connectTo("Gateway_ReadyToSend")
                .done();
    }

    @Override
    public long startupMillis() {
        return startupMillis;
    }

    @Override
    public Timings run(int number) throws Exception {
        long started = System.currentTimeMillis();
        String reference = "BASE-%06d".formatted(number);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("reference", reference);
        variables.put("subject", "Benchmark " + number);
        variables.put("kind", "information");
        variables.put("recipientScope", "organizations");
        variables.put("troikaCountries", List.of("HN", "MX", "SV"));
        variables.put("recipientList", ProductLifecycle.RECIPIENTS);
        variables.put("replyDue", LocalDate.now().plusDays(30).toString());
        String instance = runtime.startProcessInstanceByKey(KEY, reference, variables).getId();

        users.complete(users.task(instance, "Task_DraftRequest", "secretariat"), "officer1", Map.of());
        for (String delegate : ProductLifecycle.DELEGATES) {
            String group = "troika-" + delegate.substring(delegate.indexOf('-') + 1).toUpperCase();
            users.complete(users.task(instance, "Task_ApproveRequest", group), delegate, Map.of("decision", "approve"));
        }
        long sent = 0;
        for (String recipient : ProductLifecycle.RECIPIENTS) {
            sent = Math.max(sent, Waiting.until("send of " + reference + "/" + recipient,
                    () -> sentAt.remove(reference + "/" + recipient)));
        }
        Waiting.until("receive tasks of " + reference, () -> runtime.createEventSubscriptionQuery()
                .processInstanceId(instance).eventName(MESSAGE).count() == ProductLifecycle.RECIPIENTS.size()
                ? Boolean.TRUE : null);

        Map<String, Long> repliedAt = new LinkedHashMap<>();
        for (String recipient : ProductLifecycle.RECIPIENTS) {
            repliedAt.put(recipient, System.currentTimeMillis());
            runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(reference)
                    .localVariableEquals("correlationKey", reference + "/" + recipient)
                    .setVariables(Map.of("replyText", "Adjuntamos la información solicitada.",
                            "replyCorrespondenceId", (long) number, "replyAttachments", ""))
                    .correlateWithResult();
        }
        List<Task> reviews = Waiting.until("review tasks of " + reference, () -> {
            List<Task> found = tasks.createTaskQuery().processInstanceId(instance)
                    .taskDefinitionKey("Task_ReviewReply").list();
            return found.size() == ProductLifecycle.RECIPIENTS.size() ? found : null;
        });
        long[] latencies = new long[reviews.size()];
        for (int i = 0; i < reviews.size(); i++) {
            Task review = reviews.get(i);
            String recipient = (String) tasks.getVariable(review.getId(), "recipient");
            latencies[i] = review.getCreateTime().getTime() - repliedAt.get(recipient);
            users.complete(review, "officer1", Map.of("outcome", "accept"));
        }
        HistoricProcessInstance ended = Waiting.until(reference + " ended", () -> history
                .createHistoricProcessInstanceQuery().processInstanceId(instance).finished().singleResult());
        return new Timings(started, sent, latencies, ended.getEndTime().getTime());
    }


    @Override
    public void close() {
        engine.close();
        dataSource.close();
    }
}
