package org.rcm.requests.bench;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.rcm.requests.request.RequestProcess;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;

/**
 * The bare Camunda engine (same version) on its own database with the product's database settings, running the
 * product's own model ({@code processes/InteragencyRequest.bpmn} with its decision tables and forms) with stand-ins
 * for the application's beans ({@link BaselineBeans}) and no mail, driven exactly like {@link ProductLifecycle}.
 * <p>
 * The same: the engine version, the model (every activity, gateway, timer, decision and asynchronous continuation the
 * product's request passes through, the Troika's outcome table asked after each answer), the database and its URL
 * options, a Hikari pool of the default size, history {@code full}, UUID ids, the job executor with the settings the
 * Spring Boot starter gives the product (3–10 threads, queue of 3, 3 jobs per acquisition, 5 s wait, 60 s max wait),
 * the message correlation by business key and local {@code correlationKey}, and the driver's task queries and
 * completions (as the same users).
 * <p>
 * What differs: no REST start (the driver calls {@code startProcessInstanceByKey}), no registry, correspondence log,
 * forms' display copies or engine plugins, no authorization checks, no email: the listeners and delegates do nothing
 * (the send delegate notes the time), timers count calendar days, and the reply is {@code createMessageCorrelation}
 * from the driver instead of an email read over IMAP. The difference between the two columns is therefore what the
 * product's code adds to its model: its own tables, mail out and in, security and its engine plugins.
 */
final class BaselineLifecycle implements Lifecycle {

    private static final String MESSAGE = RequestProcess.MESSAGE_REPLY_RECEIVED;

    private final HikariDataSource dataSource;
    private final ProcessEngine engine;
    private final long startupMillis;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final EngineUsers users;
    private final HistoryService history;
    /** When the stand-in send delegate ran, by {@code reference/recipient}: the baseline's "email out". */
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
        configuration.setBeans(BaselineBeans.of((reference, recipient) -> sentAt.put(reference + "/" + recipient,
                System.currentTimeMillis())));
        engine = configuration.buildProcessEngine();
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("baseline");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("processes"),
                "{InteragencyRequest.bpmn,*.dmn,*.form}")) {
            for (Path file : files) {
                deployment.addInputStream(file.getFileName().toString(), Files.newInputStream(file));
            }
        }
        deployment.deploy();
        startupMillis = (System.nanoTime() - start) / 1_000_000;
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        users = new EngineUsers(tasks, engine.getIdentityService());
        history = engine.getHistoryService();
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
        variables.put("kind", "information");
        variables.put("recipientScope", "organizations");
        variables.put("recipientList", ProductLifecycle.RECIPIENTS);
        variables.put("replyDue", LocalDate.now().plusDays(30).toString());
        String instance = runtime.startProcessInstanceByKey(RequestProcess.KEY, reference, variables).getId();

        users.complete(users.task(instance, Elements.DRAFT_REQUEST, "secretariat"), "officer1", Map.of());
        for (String delegate : ProductLifecycle.DELEGATES) {
            String group = "troika-" + delegate.substring(delegate.indexOf('-') + 1).toUpperCase();
            users.complete(users.task(instance, Elements.APPROVE_REQUEST, group), delegate,
                    Map.of(Variables.DECISION, "approve"));
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
                    .localVariableEquals(Variables.CORRELATION_KEY, RequestProcess.correlationKey(reference, recipient))
                    .setVariables(Map.of(Variables.REPLY_TEXT, "Adjuntamos la información solicitada.",
                            Variables.REPLY_CORRESPONDENCE_ID, (long) number, Variables.REPLY_ATTACHMENTS, ""))
                    .correlateWithResult();
        }
        List<Task> reviews = Waiting.until("review tasks of " + reference, () -> {
            List<Task> found = tasks.createTaskQuery().processInstanceId(instance)
                    .taskDefinitionKey(Elements.REVIEW_REPLY).list();
            return found.size() == ProductLifecycle.RECIPIENTS.size() ? found : null;
        });
        long[] latencies = new long[reviews.size()];
        for (int i = 0; i < reviews.size(); i++) {
            Task review = reviews.get(i);
            String recipient = (String) tasks.getVariable(review.getId(), Variables.RECIPIENT);
            latencies[i] = review.getCreateTime().getTime() - repliedAt.get(recipient);
            users.complete(review, "officer1", Map.of(Variables.OUTCOME, "accept"));
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
