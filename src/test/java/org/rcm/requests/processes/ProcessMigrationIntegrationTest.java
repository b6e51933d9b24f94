package org.rcm.requests.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.TestProcesses;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.calendar.WorkingDays;
import org.rcm.requests.mail.inbound.ReplyIntake;
import org.rcm.requests.request.RequestProcess;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestRegistry;
import org.rcm.requests.request.RequestService;
import org.rcm.requests.request.RequestState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Running requests move to a new version of {@code processes/InteragencyRequest.bpmn} through
 * {@code /api/processes/InteragencyRequest/migrations}, and go on to close there. The versions are the model as it
 * is with small edits, so that they stay in step with it.
 * <p>
 * In the shared application: each test deploys the model afresh as the version its requests start on, so that only
 * its own requests run on it, and removes its versions afterwards (with the instances on them), so that the other
 * tests start their requests on the model of {@code processes/} again.
 */
class ProcessMigrationIntegrationTest extends IntegrationTestBase {

    private static final Path MODEL = Path.of("processes/InteragencyRequest.bpmn");
    private static final String API = "/api/processes/" + RequestProcess.KEY + "/migrations";
    private static final String FILE_REPLY = "Task_FileReply";
    private static final String REMINDER_DUE = "BoundaryEvent_ReminderDue";
    private static final String REPLY_OVERDUE = Elements.REPLY_OVERDUE;
    private static final List<String> APPROVAL_TIMERS = List.of("BoundaryEvent_ApprovalReminderDue",
            "BoundaryEvent_SilencePeriodOver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    WorkingDays workingDays;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RequestJourney journey;
    @Autowired
    RequestService requests;
    @Autowired
    ReplyIntake intake;
    @Autowired
    RequestRegistry registry;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;

    private final List<String> deployments = new ArrayList<>();
    private final List<String> batches = new ArrayList<>();

    @AfterEach
    void removeVersions() {
        batches.stream().filter(id -> management.createBatchQuery().batchId(id).count() > 0)
                .forEach(id -> management.deleteBatch(id, true));
        deployments.forEach(id -> repository.deleteDeployment(id, true, true));
    }

    @Test
    void requestsInApprovalAwaitingAReplyAndInReviewMoveAcrossALabelATaskAndTimersAndClose() throws IOException {
        // given: the model as it is, and a request waiting in approval, one in Await reply and one in review
        String model = Files.readString(MODEL);
        int base = deploy(model);
        String inApproval = inApproval("Migración: en aprobación");
        String awaiting = awaitingReply("Migración: en espera de respuesta", "IOM");
        String inReview = inReview("Migración: en revisión", "PAHO");
        List<Date> approvalTimers = dueDates(inApproval, APPROVAL_TIMERS);
        List<Date> reminder = dueDates(awaiting, List.of(REMINDER_DUE));
        List<Date> overdue = dueDates(awaiting, List.of(REPLY_OVERDUE));
        assertThat(approvalTimers).as("approval timers of the two delegates yet to decide").hasSize(4);
        assertThat(reminder).as("reminder timer of the request awaiting a reply").hasSize(1);

        // when: a task's title is renamed (its Spanish title_es; the diagram label stays)
        String renamedLabel = once(model, "value=\"Revisar respuesta\"", "value=\"Revisar la respuesta\"");
        int renamed = deploy(renamedLabel);
        Plan labelPlan = dryRun(base, renamed);
        // then: all three can move, and no event trigger is replaced
        assertThat(labelPlan.instances()).as("instances of version %d and whether they can move", base)
                .extracting(Plan.Instance::reference, Plan.Instance::canMove, Plan.Instance::reasons)
                .containsExactlyInAnyOrder(canMove(inApproval), canMove(awaiting), canMove(inReview));
        assertThat(labelPlan.instructions()).as("instructions mapping equal ids").contains(
                new Plan.Instruction(Elements.APPROVE_REQUEST, Elements.APPROVE_REQUEST, false),
                new Plan.Instruction(Elements.AWAIT_REPLY, Elements.AWAIT_REPLY, false),
                new Plan.Instruction(REMINDER_DUE, REMINDER_DUE, false),
                new Plan.Instruction(Elements.REVIEW_REPLY, Elements.REVIEW_REPLY, false))
                .noneMatch(Plan.Instruction::updateEventTrigger);
        assertThat(List.of(version(inApproval), version(awaiting), version(inReview)))
                .as("versions after the dry run").containsOnly(base);
        migrate(base, renamed, inApproval, awaiting, inReview);

        // when: a task is added after an accepted reply
        String addedTask = once(renamedLabel,
                "<bpmn:sequenceFlow id=\"Flow_ReplyAccepted\" name=\"accept\" sourceRef=\"Gateway_ReplyAccepted\" "
                        + "targetRef=\"EndEvent_RecipientAnswered\">",
                "<bpmn:userTask id=\"" + FILE_REPLY + "\" name=\"File reply\" "
                        + "camunda:candidateGroups=\"secretariat\" />\n"
                        + "<bpmn:sequenceFlow id=\"Flow_ReplyFiled\" sourceRef=\"" + FILE_REPLY + "\" "
                        + "targetRef=\"EndEvent_RecipientAnswered\" />\n"
                        + "<bpmn:sequenceFlow id=\"Flow_ReplyAccepted\" name=\"accept\" "
                        + "sourceRef=\"Gateway_ReplyAccepted\" targetRef=\"" + FILE_REPLY + "\">");
        int added = deploy(addedTask);
        assertThat(dryRun(renamed, added).movable()).as("instances that can move to the version with a new task")
                .extracting(Plan.Instance::reference).containsExactlyInAnyOrder(inApproval, awaiting, inReview);
        migrate(renamed, added, inApproval, awaiting, inReview);

        // when: the owner shortens the reminder interval, the cycle of the timer Reminder due (in working days)
        int timer = deploy(once(addedTask, "'R/P5D'", "'R/P3D'"));
        Plan timerPlan = dryRun(added, timer);
        // then: that timer, and only that one, is replaced
        assertThat(timerPlan.instructions()).as("instructions that replace an event trigger")
                .filteredOn(Plan.Instruction::updateEventTrigger)
                .containsExactly(new Plan.Instruction(REMINDER_DUE, REMINDER_DUE, true));
        Instant before = Instant.now();
        migrate(added, timer, inApproval, awaiting, inReview);
        Instant after = Instant.now();
        assertThat(dueDates(awaiting, List.of(REMINDER_DUE))).as("reminder after the timer changed to R/P3D: three "
                + "working days of IOM's calendar from the migration").singleElement().satisfies(due -> assertThat(
                        due.toInstant()).isBetween(workingDaysLater(before, 3, "IOM"),
                        workingDaysLater(after, 3, "IOM")));
        assertThat(dueDates(awaiting, List.of(REPLY_OVERDUE))).as("reply-overdue timer, unchanged").isEqualTo(overdue);
        assertThat(dueDates(inApproval, APPROVAL_TIMERS)).as("approval timers after three migrations, unchanged")
                .isEqualTo(approvalTimers);

        // then: each request goes on to close on the last version, through the added task
        for (String delegate : List.of("delegate-mx", "delegate-sv")) {
            journey.complete(journey.onlyTask(inApproval, Elements.APPROVE_REQUEST, delegate), delegate,
                    Map.of(Variables.DECISION, "approve"));
        }
        awaitAt(inApproval, Elements.AWAIT_REPLY);
        assertThat(dueDates(inApproval, List.of(REMINDER_DUE))).as("reminder of a recipient contacted after the "
                + "migration").singleElement().satisfies(due -> assertThat(due.toInstant())
                .isBefore(workingDaysLater(Instant.now(), 3, "ICRC").plusSeconds(60)));
        reply(inApproval, "ICRC");
        reply(awaiting, "IOM");
        assertThat(journey.onlyTask(awaiting, Elements.REVIEW_REPLY, "officer1").getName())
                .as("a review task created after the label changed").startsWith("Revisar la respuesta · " + awaiting);
        assertThat(journey.onlyTask(inReview, Elements.REVIEW_REPLY, "officer1").getName())
                .as("a review task open before the label changed").startsWith("Revisar respuesta · " + inReview);
        for (String reference : List.of(inApproval, awaiting, inReview)) {
            accept(reference);
            await().atMost(PATIENCE).until(() -> registry.find(reference).orElseThrow().state() == RequestState.CLOSED);
            HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(reference).singleResult();
            assertThat(ended.getProcessDefinitionVersion()).as("version %s ended on", reference).isEqualTo(timer);
            assertThat(ended.getEndActivityId()).as("where %s ended", reference).isEqualTo(Elements.END_CLOSED);
        }
    }

    @Test
    void aRequestWaitingAtAnActivityTheTargetLacksStaysWithTheEnginesReasonWhileTheOthersMove() throws IOException {
        // given: a request awaiting a reply and one in approval, and a version where Await reply is a user task (the
        // application keeps its id: a version without it would be refused at deployment)
        String model = Files.readString(MODEL);
        int base = deploy(model);
        String awaiting = awaitingReply("Migración imposible: en espera", "UNHCR");
        String inApproval = inApproval("Migración posible: en aprobación");
        assertThat(model).as("the model's Await reply").contains("id=\"" + Elements.AWAIT_REPLY + "\"");
        int renamedId = deploy(once(once(model, "<bpmn:receiveTask id=\"" + Elements.AWAIT_REPLY
                + "\" name=\"Await reply\" camunda:asyncAfter=\"true\" messageRef=\"Message_ReplyReceived\">",
                "<bpmn:userTask id=\"" + Elements.AWAIT_REPLY + "\" name=\"Await reply\" camunda:asyncAfter=\"true\">"),
                "</bpmn:receiveTask>", "</bpmn:userTask>"));

        // when: the owner asks for the plan
        Plan plan = dryRun(base, renamedId);

        // then: the engine's reason names the waiting activity; the other request can move
        assertThat(plan.instances()).as("instances of version %d", base).hasSize(2);
        assertThat(instance(plan, awaiting).canMove()).as("%s, waiting at %s, can move", awaiting,
                Elements.AWAIT_REPLY).isFalse();
        assertThat(instance(plan, awaiting).reasons()).as("reasons of %s", awaiting).isNotEmpty()
                .anySatisfy(reason -> assertThat(reason).startsWith(Elements.AWAIT_REPLY + ":")
                        .containsIgnoringCase("no migration instruction"));
        assertThat(instance(plan, inApproval)).as("the request in approval")
                .extracting(Plan.Instance::canMove, Plan.Instance::reasons).containsExactly(true, List.of());

        // when: the migration runs, then only the request in approval moves
        String batchId = migrate(base, renamedId, inApproval);
        assertThat(version(awaiting)).as("version of %s", awaiting).isEqualTo(base);
        assertThat(version(inApproval)).as("version of %s", inApproval).isEqualTo(renamedId);

        // and asked again, with nothing left that can move, it answers 409 with the plan
        ResponseEntity<Map> again = admin().postForEntity(API, body(base, renamedId, false), Map.class);
        assertThat(again.getStatusCode()).as("status of a migration with nothing to move")
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat((Map<String, Object>) again.getBody().get("plan")).as("plan of a migration with nothing to move")
                .extractingByKey("instances").asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(1);

        // and once the engine has removed the finished batch (its monitor job, due every 30 seconds, is run now),
        // its progress comes from the history
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
            if (batch != null) {
                management.createJobQuery().jobDefinitionId(batch.getMonitorJobDefinitionId()).list()
                        .forEach(job -> management.executeJob(job.getId()));
            }
            return management.createBatchQuery().batchId(batchId).count() == 0;
        });
        assertThat(admin().getForObject(API + "/" + batchId, MigrationProgress.class))
                .as("progress of the removed batch")
                .extracting(MigrationProgress::state, MigrationProgress::total, MigrationProgress::done)
                .containsExactly(MigrationProgress.State.COMPLETED, 1, 1);
    }

    @Test
    void wrongVersionsAreRefusedInBothLanguages() {
        int latest = latestVersion();

        ResponseEntity<Map> same = admin().postForEntity(API, body(latest, latest, true), Map.class);
        ResponseEntity<Map> unknown = admin().postForEntity(API, body(latest, 999, true), Map.class);
        ResponseEntity<Map> missing = admin().postForEntity(API, Map.of("toVersion", latest), Map.class);
        ResponseEntity<Map> noBatch = admin().getForEntity(API + "/no-such-batch", Map.class);

        assertThat(same.getStatusCode()).as("status, from a version to itself").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) same.getBody().get("detail")).as("detail, from a version to itself")
                .contains("son la misma").contains("are the same");
        assertThat(unknown.getStatusCode()).as("status, to an unknown version").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) unknown.getBody().get("detail")).as("detail, to an unknown version")
                .contains("No existe la versión 999").contains("there is no version 999 of " + RequestProcess.KEY);
        assertThat(missing.getStatusCode()).as("status, without fromVersion").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) missing.getBody().get("detail")).as("detail, without fromVersion")
                .contains("fromVersion and toVersion are required");
        assertThat(noBatch.getStatusCode()).as("status of an unknown batch").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyProcessOwnersAndAdminsMayMigrateAndScriptsWriteJson() {
        int latest = latestVersion();
        HttpHeaders plainText = new HttpHeaders();
        plainText.setContentType(MediaType.TEXT_PLAIN);

        ResponseEntity<String> byOfficer = rest.withBasicAuth("officer1", "demo").postForEntity(API,
                body(latest - 1, latest, true), String.class);
        ResponseEntity<String> byOfficerProgress = rest.withBasicAuth("officer1", "demo")
                .getForEntity(API + "/no-such-batch", String.class);
        ResponseEntity<String> crossSite = admin().postForEntity(API, new HttpEntity<>("{\"fromVersion\": "
                + (latest - 1) + ", \"toVersion\": " + latest + ", \"dryRun\": false}", plainText), String.class);

        assertThat(byOfficer.getStatusCode()).as("a Secretariat officer's migration").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byOfficerProgress.getStatusCode()).as("a Secretariat officer's look at a migration")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(crossSite.getStatusCode()).as("an admin's text/plain write (what another site can send)")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private int latestVersion() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(RequestProcess.KEY).latestVersion()
                .singleResult().getVersion();
    }

    private TestRestTemplate admin() {
        return rest.withBasicAuth("admin", "demo");
    }

    private static Map<String, Object> body(int from, int to, boolean dryRun) {
        return Map.of("fromVersion", from, "toVersion", to, "dryRun", dryRun);
    }

    private Plan dryRun(int from, int to) {
        ResponseEntity<Plan> answer = admin().postForEntity(API, body(from, to, true), Plan.class);
        assertThat(answer.getStatusCode()).as("status of the dry run %d → %d", from, to).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    /** Migrates through the API and waits for the batch; exactly these requests move. Returns the batch id. */
    private String migrate(int from, int to, String... references) {
        ResponseEntity<MigrationBatch> started = admin().postForEntity(API, body(from, to, false),
                MigrationBatch.class);
        assertThat(started.getStatusCode()).as("status of the migration %d → %d", from, to)
                .isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getBody().references()).as("requests moving %d → %d", from, to)
                .containsExactlyInAnyOrder(references);
        batches.add(started.getBody().batchId());
        String location = started.getHeaders().getLocation().toString();
        assertThat(location).as("Location").isEqualTo(API + "/" + started.getBody().batchId());
        MigrationProgress progress = await().atMost(PATIENCE).until(() -> admin().getForObject(location,
                MigrationProgress.class), p -> p.state() != MigrationProgress.State.RUNNING);
        assertThat(progress).as("progress of the migration %d → %d", from, to)
                .extracting(MigrationProgress::state, MigrationProgress::total, MigrationProgress::done,
                        MigrationProgress::errors)
                .containsExactly(MigrationProgress.State.COMPLETED, references.length, references.length, List.of());
        for (String reference : references) {
            assertThat(version(reference)).as("version of %s after the migration", reference).isEqualTo(to);
        }
        return started.getBody().batchId();
    }

    /** The model with the forms of processes/: a model takes its forms from its own deployment. */
    private int deploy(String model) {
        DeploymentBuilder builder = repository.createDeployment().name("migration-test")
                .addString("InteragencyRequest.bpmn", model);
        TestProcesses.forms(TestProcesses.FOLDER).forEach(builder::addString);
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        deployments.add(deployment.getId());
        return deployment.getDeployedProcessDefinitions().get(0).getVersion();
    }

    /** The model with one edit, made where the text occurs exactly once: a model that moved on fails here. */
    /** The moment {@code days} working days after {@code from} in the calendar of a directory code. */
    private Instant workingDaysLater(Instant from, int days, String code) {
        LocalDateTime later = workingDays.holidays().plus(LocalDateTime.ofInstant(from, ZoneId.systemDefault()),
                "P" + days + "D", workingDays.calendarOf(code));
        return later.atZone(ZoneId.systemDefault()).toInstant();
    }

    private static String once(String model, String text, String replacement) {
        assertThat(model.split(Pattern.quote(text), -1)).as("occurrences of %s", text).hasSize(2);
        return model.replace(text, replacement);
    }

    private String inApproval(String subject) {
        return journey.approvedByHonduras(subject, "ICRC");
    }

    private String awaitingReply(String subject, String recipient) {
        String reference = journey.sent(subject, recipient);
        awaitAt(reference, Elements.AWAIT_REPLY);
        return reference;
    }

    private String inReview(String subject, String recipient) {
        String reference = awaitingReply(subject, recipient);
        reply(reference, recipient);
        return reference;
    }

    /** The recipient answers through its reply link; the review task opens. */
    private void reply(String reference, String recipient) {
        intake.receiveLinkReply(reference, recipient, "Enviamos la información solicitada.", List.of());
        await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(Elements.REVIEW_REPLY).count() == 1);
    }

    private void accept(String reference) {
        journey.complete(journey.onlyTask(reference, Elements.REVIEW_REPLY, "officer1"), "officer1",
                Map.of(Variables.OUTCOME, "accept"));
        journey.complete(journey.onlyTask(reference, FILE_REPLY, "officer1"), "officer1", Map.of());
    }

    private void awaitAt(String reference, String activityId) {
        await().atMost(PATIENCE).until(() -> runtime.createExecutionQuery().processInstanceBusinessKey(reference)
                .activityId(activityId).count() == 1);
    }

    private List<Date> dueDates(String reference, List<String> activityIds) {
        return activityIds.stream().flatMap(activityId -> management.createJobQuery()
                .processInstanceId(processInstanceId(reference)).activityId(activityId).timers().list().stream())
                .map(Job::getDuedate).sorted().toList();
    }

    private String processInstanceId(String reference) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
    }

    private int version(String reference) {
        String definitionId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult().getProcessDefinitionId();
        return repository.getProcessDefinition(definitionId).getVersion();
    }

    private static Plan.Instance instance(Plan plan, String reference) {
        return plan.instances().stream().filter(instance -> reference.equals(instance.reference())).findFirst()
                .orElseThrow(() -> new AssertionError("no instance " + reference + " in the plan"));
    }

    private static Tuple canMove(String reference) {
        return Tuple.tuple(reference, true, List.of());
    }
}
