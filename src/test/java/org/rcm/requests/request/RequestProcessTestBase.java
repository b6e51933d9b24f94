package org.rcm.requests.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.Mockito;
import org.rcm.requests.approval.ApprovalCompletedListener;
import org.rcm.requests.approval.ApprovalDecisions;
import org.rcm.requests.approval.ApprovalTally;
import org.rcm.requests.approval.RecordSilenceDelegate;
import org.rcm.requests.answer.TestAnswers;
import org.rcm.requests.approval.TestApproval;
import org.rcm.requests.calendar.HolidayFile;
import org.rcm.requests.calendar.WorkingDays;
import org.rcm.requests.correspondence.CorrespondenceLog;
import org.rcm.requests.directory.Directory;
import org.rcm.requests.directory.TestDirectory;
import org.rcm.requests.mail.outbound.MailKind;
import org.rcm.requests.mail.outbound.OutboundMailService;
import org.rcm.requests.mail.outbound.TestMailDelegates;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The set-up that the process tests of {@code InteragencyRequest} share: the in-memory engine of
 * {@code camunda-process-test.cfg.xml} (with the submission guard), the real listeners, approval delegates, mail
 * delegates and registry over the application's tables in an H2 database of each test's own (Flyway's scripts), a mock
 * mail service under the mail delegates, and the steps that drive a request and read its record. Each test class
 * registers the engine ({@link #processEngineExtension}) and says what it deploys ({@link #deployModels}). Async continuations run through {@link #runAsyncJobs}, timers only when a
 * test fires them.
 */
abstract class RequestProcessTestBase {

    /**
     * The in-memory engine, for each test class's own {@code @RegisterExtension static} field, which hands the engine
     * to {@link #setUp}. One extension instance serves one class only: after its class it lets go of the engine's
     * configuration, so a second class sharing it would fail.
     */
    static ProcessEngineExtension processEngineExtension() {
        return ProcessEngineExtension.builder().configurationResource("camunda-process-test.cfg.xml").build();
    }

    /** Ids of the model that {@link RequestProcess.Elements} does not name (the Java code never needs them). */
    static final String SUBPROCESS_TROIKA_APPROVAL = "SubProcess_TroikaApproval";
    static final String SUBPROCESS_PER_RECIPIENT = "SubProcess_PerRecipient";
    static final String BOUNDARY_APPROVAL_REMINDER_DUE = "BoundaryEvent_ApprovalReminderDue";
    static final String BOUNDARY_SILENCE_PERIOD_OVER = "BoundaryEvent_SilencePeriodOver";
    static final String BOUNDARY_REPLY_OVERDUE = Elements.REPLY_OVERDUE;
    static final String BOUNDARY_REMINDER_DUE = "BoundaryEvent_ReminderDue";
    static final String END_APPROVAL_REMINDER_SENT = "EndEvent_ApprovalReminderSent";
    static final String GATEWAY_TROIKA_DECISION = "Gateway_TroikaDecision";
    static final String END_COUNTRY_DECIDED = "EndEvent_CountryDecided";
    static final String END_REMINDER_SENT = "EndEvent_ReminderSent";

    /** Registered as the API registers a request, before its process starts with it as business key. */
    static final String REFERENCE = "CRM-2026-0042";
    static final String SUBJECT = "Data on returned migrants";
    static final String BODY = "The Technical Secretariat kindly asks for the 2024 figures.";
    static final List<String> TROIKA = List.of("HN", "MX", "SV");
    static final String IOM = "IOM";
    static final String UNHCR = "UNHCR";

    /** The holidays of the tests (and of the engine's calendars, camunda-process-test.cfg.xml). */
    static final String TEST_HOLIDAYS = "classpath:calendar/test-holidays.yaml";

    /** The application's clock; a test class may fix it (the engine's is {@code ClockUtil}). */
    final Clock clock = clock();
    final LocalDate today = LocalDate.now(clock);
    final LocalDate replyDue = today.plusDays(30);

    ProcessEngine engine;
    RuntimeService runtimeService;
    TaskService taskService;
    ManagementService managementService;
    HistoryService historyService;
    RepositoryService repositoryService;
    IdentityService identityService;
    String deploymentId;

    /** The application's own tables. */
    JdbcClient jdbc;
    RequestRegistry registry;
    ApprovalDecisions decisions;
    Directory directory;
    RequestValidator validator;
    /** The application's calendar over the tests' holidays and the directory's calendars. */
    WorkingDays workingDays;
    /** Under the real mail delegates: who was sent what is read from its invocations ({@link #mailed}). */
    OutboundMailService mail;

    @BeforeEach
    void setUp(ProcessEngine engine) throws IOException {
        this.engine = engine;
        BpmnAwareTests.init(engine);
        runtimeService = engine.getRuntimeService();
        taskService = engine.getTaskService();
        managementService = engine.getManagementService();
        historyService = engine.getHistoryService();
        repositoryService = engine.getRepositoryService();
        identityService = engine.getIdentityService();
        createRegistry();
        registerBeans();
        deploymentId = deployModels();
    }

    @AfterEach
    void tearDown() {
        if (deploymentId != null) {
            repositoryService.deleteDeployment(deploymentId, true, true);
        }
        identityService.clearAuthentication();
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
        if (jdbc != null) {
            jdbc.sql("shutdown").update();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Set-up
    // ---------------------------------------------------------------------------------------------------------

    /** The application's tables in an H2 database of this test's own, migrated as the application migrates. */
    void createRegistry() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:registry-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    /** The real beans under the names the model uses; only the mail service below the mail delegates is a mock. */
    void registerBeans() {
        directory = TestDirectory.directory(jdbc);
        workingDays = new WorkingDays(HolidayFile.read(TEST_HOLIDAYS), directory::calendarOf);
        registry = new RequestRegistry(jdbc, clock, new ContactCheck(new ContactCheckProperties(null), clock,
                workingDays));
        decisions = TestApproval.decisions(jdbc, clock);
        validator = new RequestValidator(directory, clock, workingDays);
        RequestVariables variables = new RequestVariables(directory);
        // the correspondence log serves only the request's detail view, which no listener asks for
        RequestService service = new RequestService(validator, registry, mock(CorrespondenceLog.class),
                new CamundaRequestWorkflow(runtimeService));
        ApprovalTally tally = TestApproval.tally(decisions);

        Mocks.register("requestStartListener", new RequestStartListener(service, validator, registry, variables));
        Mocks.register("draftCompletedListener", new DraftCompletedListener(service, variables));
        Mocks.register("requestRoute", new RequestRoute(registry, TestDirectory.troika(directory, TROIKA)));
        Mocks.register("approvalOutcome", TestApproval.outcome(decisions));
        Mocks.register("troikaRound", TestApproval.round(decisions));
        Mocks.register("approvalCompletedListener", new ApprovalCompletedListener(tally));
        Mocks.register("recordSilenceDelegate", new RecordSilenceDelegate(tally));
        Mocks.register("followUpCompletedListener", new FollowUpCompletedListener(registry, clock));
        Mocks.register("reviewCompletedListener", new ReviewCompletedListener());
        Mocks.register("replyAnswerListener", TestAnswers.listener(jdbc, clock, registry, directory, engine));
        Mocks.register("contactCorrectedListener", new ContactCorrectedListener(directory));
        Mocks.register("requestStates", new RequestStates(registry));
        Mocks.register("workingDays", workingDays);
        Mocks.register("replyDueDates", new ReplyDueDates(registry, workingDays, clock));

        mail = mock(OutboundMailService.class);
        TestMailDelegates.over(mail, registry).forEach(Mocks::register);
    }

    /** The application's clock of this test class: the system's, unless a class fixes it. */
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /** What the test deploys: the id of one deployment, deleted with its instances after each test. */
    abstract String deployModels() throws IOException;

    /**
     * One deployment of the files of {@code processes/} that {@code processesGlob} matches, as the application deploys
     * them, and of test resources of the classpath, each under its file name.
     */
    String deploy(String processesGlob, String... testResources) throws IOException {
        DeploymentBuilder deployment = repositoryService.createDeployment().name("process-test");
        List<InputStream> streams = new ArrayList<>();
        try {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("processes"), processesGlob)) {
                for (Path file : files) {
                    InputStream stream = Files.newInputStream(file);
                    streams.add(stream);
                    deployment.addInputStream(file.getFileName().toString(), stream);
                }
            }
            for (String resource : testResources) {
                InputStream stream = RequestProcessTestBase.class.getClassLoader().getResourceAsStream(resource);
                if (stream == null) {
                    throw new IOException("no test resource " + resource);
                }
                streams.add(stream);
                deployment.addInputStream(Path.of(resource).getFileName().toString(), stream);
            }
            return deployment.deploy().getId();
        } finally {
            for (InputStream stream : streams) {
                stream.close();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Driving the process
    // ---------------------------------------------------------------------------------------------------------

    ValidRequest validRequest(String kind, String... recipients) {
        return validator.validate(new NewRequest(SUBJECT, BODY, List.of(recipients), replyDue.toString(), kind,
                "es"));
    }


    /** The officer completes the draft as the form shows it. */
    void completeDraft(ProcessInstance request) {
        completeDraft(request, Map.of());
    }

    void completeDraft(ProcessInstance request, Map<String, Object> changes) {
        Task draft = taskService.createTaskQuery().processInstanceId(request.getId())
                .taskDefinitionKey(Elements.DRAFT_REQUEST).singleResult();
        assertThat(draft).as("the request should have a drafting task").isNotNull();
        complete(draft, changes);
    }

    List<Task> approvalTasks(ProcessInstance request) {
        return taskService.createTaskQuery().processInstanceId(request.getId())
                .taskDefinitionKey(Elements.APPROVE_REQUEST).list();
    }

    Task approvalTask(ProcessInstance request, String country) {
        Task task = taskService.createTaskQuery().processInstanceId(request.getId())
                .taskDefinitionKey(Elements.APPROVE_REQUEST).taskCandidateGroup("troika-" + country).singleResult();
        assertThat(task).as("troika-%s should have an open approval task", country).isNotNull();
        assertThat(taskService.getVariable(task.getId(), Variables.TROIKA_COUNTRY))
                .as("the approval task of troika-%s should be for %s", country, country).isEqualTo(country);
        return task;
    }

    /** A delegate of the country ({@code delegate-mx}) completes its approval task with the form's fields. */
    void decide(ProcessInstance request, String country, String decision, String comment) {
        Map<String, Object> variables = withVariables(Variables.DECISION, decision);
        if (comment != null) {
            variables.put(Variables.COMMENT, comment);
        }
        Task task = approvalTask(request, country);
        identityService.setAuthenticatedUserId("delegate-" + country.toLowerCase());
        try {
            complete(task, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The scope execution of the Troika approval sub-process instance of one country (it holds the inputs). */
    String troikaApprovalInstance(ProcessInstance request, String country) {
        return subProcessInstance(request, SUBPROCESS_TROIKA_APPROVAL, Variables.TROIKA_COUNTRY, country);
    }

    /**
     * The scope execution of the multi-instance sub-process instance whose element variable has the given value.
     * Its input mappings are local to it; the element variable itself sits on its parent (concurrent) execution.
     */
    String subProcessInstance(ProcessInstance request, String subProcessId, String elementVariable,
                                      String value) {
        List<String> matching = Arrays.stream(runtimeService.getActivityInstance(request.getId())
                        .getActivityInstances(subProcessId))
                .map(instance -> instance.getExecutionIds()[0])
                .filter(executionId -> value.equals(runtimeService.getVariable(executionId, elementVariable)))
                .toList();
        assertThat(matching).as("there should be one %s instance with %s = %s", subProcessId, elementVariable,
                value).hasSize(1);
        return matching.get(0);
    }

    /** The receive task waiting for this recipient's reply, found by its correlation key; null if none. */
    Execution awaitReplyExecution(ProcessInstance request, String recipient) {
        return runtimeService.createExecutionQuery().processInstanceId(request.getId())
                .activityId(Elements.AWAIT_REPLY)
                .variableValueEquals(Variables.CORRELATION_KEY, RequestProcess.correlationKey(REFERENCE, recipient))
                .singleResult();
    }

    /** The variables of the recipient's own Per recipient sub-process instance. */
    Map<String, Object> recipientVariables(ProcessInstance request, String recipient) {
        return runtimeService.getVariablesLocal(subProcessInstance(request, SUBPROCESS_PER_RECIPIENT,
                Variables.RECIPIENT, recipient));
    }

    /** A variable of the recipient's own Per recipient sub-process instance. */
    Object recipientVariable(ProcessInstance request, String recipient, String name) {
        Map<String, Object> local = recipientVariables(request, recipient);
        assertThat(local).as("%s's sub-process instance should hold %s locally", recipient, name).containsKey(name);
        return local.get(name);
    }

    /** The recipient's reply arrives, as the inbox would correlate it; the review task is then open. */
    void replyFrom(ProcessInstance request, String recipient) {
        runtimeService.createMessageCorrelation(RequestProcess.MESSAGE_REPLY_RECEIVED)
                .processInstanceBusinessKey(REFERENCE)
                .localVariableEquals(Variables.CORRELATION_KEY, RequestProcess.correlationKey(REFERENCE, recipient))
                .correlate();
        runAsyncJobs(request);
        assertThat(awaitReplyExecution(request, recipient)).as("%s should no longer await its reply", recipient)
                .isNull();
    }

    Task reviewTask(ProcessInstance request, String recipient) {
        return recipientTask(request, Elements.REVIEW_REPLY, recipient);
    }

    /** The reply of the recipient becomes overdue: its timer fires and the follow-up task opens. */
    Task overdue(ProcessInstance request, String recipient) {
        Execution waiting = awaitReplyExecution(request, recipient);
        assertThat(waiting).as("%s should await its reply before it can be overdue", recipient).isNotNull();
        execute(timer(BOUNDARY_REPLY_OVERDUE, waiting.getId()));
        runAsyncJobs(request);
        assertThat(awaitReplyExecution(request, recipient)).as("an overdue %s should no longer wait", recipient)
                .isNull();
        assertThat(recipient(recipient).state()).as("%s should be marked overdue in the registry", recipient)
                .isEqualTo(RecipientState.OVERDUE);
        return recipientTask(request, Elements.FOLLOW_UP, recipient);
    }

    Task recipientTask(ProcessInstance request, String taskDefinitionKey, String recipient) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(request.getId())
                .taskDefinitionKey(taskDefinitionKey).list().stream()
                .filter(task -> recipient.equals(taskService.getVariable(task.getId(), Variables.RECIPIENT)))
                .toList();
        assertThat(tasks).as("%s should have one open %s task", recipient, taskDefinitionKey).hasSize(1);
        return tasks.get(0);
    }

    /** Runs the async continuations (not the timers) until none is left. */
    void runAsyncJobs(ProcessInstance request) {
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(request.getId())
                    .messages().executable().listPage(0, 1);
            if (jobs.isEmpty()) {
                return;
            }
            execute(jobs.get(0));
        }
        fail("the async continuations of request %s did not come to rest after 100 jobs", request.getId());
    }

    Job timer(String boundaryEventId, String executionId) {
        Job timer = findTimer(boundaryEventId, executionId);
        assertThat(timer).as("timer %s should be scheduled on execution %s", boundaryEventId, executionId)
                .isNotNull();
        return timer;
    }

    Job findTimer(String boundaryEventId, String executionId) {
        return managementService.createJobQuery().timers().activityId(boundaryEventId).executionId(executionId)
                .singleResult();
    }

    long passedCount(ProcessInstance request, String activityId) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(request.getId())
                .activityId(activityId).count();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The record, and the mail asked for
    // ---------------------------------------------------------------------------------------------------------

    RequestDetails details() {
        return registry.find(REFERENCE).orElseThrow(() -> new AssertionError(REFERENCE + " is not in the registry"));
    }

    RequestDetails.Recipient recipient(String code) {
        return registry.recipients(REFERENCE).stream().filter(recipient -> recipient.code().equals(code))
                .findFirst().orElseThrow(() -> new AssertionError(code + " is no recipient of " + REFERENCE));
    }

    /** A Troika country's decision in the current approval round of the record. */
    ApprovalDecisions.Recorded decisionOf(String country) {
        return decisions.currentRoundOf(REFERENCE).stream().filter(made -> made.country().equals(country))
                .findFirst().orElseThrow(() -> new AssertionError(country + " has no decision in the record"));
    }

    /** One message the mail delegates asked the mail service for, about this test's request. */
    record Sent(String to, MailKind kind, String about, String clarification) {
    }

    List<Sent> sent(MailKind kind) {
        return Mockito.mockingDetails(mail).getInvocations().stream()
                .filter(call -> call.getMethod().getName().equals("send") && REFERENCE.equals(call.getArgument(0)))
                .map(call -> new Sent(call.getArgument(1), call.getArgument(2), call.getArgument(3),
                        call.getArgument(4)))
                .filter(message -> message.kind() == kind)
                .toList();
    }

    /** To whom messages of this kind went, in order. */
    List<String> mailed(MailKind kind) {
        return sent(kind).stream().map(Sent::to).toList();
    }

    /** The mail server refuses every message of this kind. */
    void mailFails(MailKind kind) {
        doThrow(new IllegalStateException("mail server down")).when(mail)
                .send(anyString(), anyString(), eq(kind), any(), any());
    }

    /**
     * Runs camunda-bpm-assert checks under a description: their own messages say what was expected and what was
     * found, but they ignore {@code as(...)}, so the description is put in front here.
     */
    static void expect(String description, Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            throw new AssertionError("[" + description + "] " + e.getMessage(), e);
        }
    }

    static Date endOf(LocalDate day) {
        return Date.from(day.atTime(23, 59, 59).atZone(ZoneId.systemDefault()).toInstant());
    }

    /**
     * When a recipient's reply is overdue: at the end of its due date, or of the next working day of its calendar
     * when the due date is a weekend or holiday there.
     */
    Date overdueAt(LocalDate due, String recipient) {
        return endOf(workingDays.onOrAfter(due, recipient));
    }

    static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
