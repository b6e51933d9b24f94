package org.rcm.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rcm.requests.directory.Directory;
import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestRegistry;
import org.rcm.requests.request.RequestState;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole application in the {@code postgres} profile on a real PostgreSQL: the Flyway scripts and the engine's
 * schema install, and a request goes the whole way: started, drafted, approved by the three delegates, both emails
 * delivered, replies by email correlated, accepted, closed.
 */
class PostgresIntegrationTest {

    private static final String MAILBOX = "secretaria-pg@crm.example.org";
    private static final Duration BOUNDED = Duration.ofSeconds(30);

    private static EmbeddedPostgres postgres;
    private static AppNode node;

    @BeforeAll
    static void start() throws Exception {
        postgres = TestPostgres.start();
        node = AppNode.start("pg", TestPostgres.url(postgres, "interagency"), MAILBOX, true, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void schemaIsInstalledOnPostgres() {
        JdbcClient jdbc = JdbcClient.create(node.bean(DataSource.class));
        assertThat(jdbc.sql("select version()").query(String.class).single()).as("database").startsWith("PostgreSQL");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class)
                .single()).as("Flyway migrations applied").isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select count(*) from directory_party").query(Integer.class).single())
                .as("directory seeded").isPositive();
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name = 'act_ru_execution'")
                .query(Integer.class).single()).as("engine schema").isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthOnPostgresIsReadyOnTheDatabaseAndShowsTheMailServers() {
        Actuator actuator = new Actuator(node.port());
        assertThat(actuator.get("/actuator/health/readiness", null).statusCode()).as("readiness").isEqualTo(200);
        Map<String, Object> readiness = (Map<String, Object>) actuator.health("/actuator/health/readiness")
                .get("components");
        assertThat(readiness).as("what readiness depends on").containsOnlyKeys("db", "readinessState");
        assertThat((Map<String, Object>) readiness.get("db")).extractingByKey("details")
                .asString().contains("PostgreSQL");
        assertThat((Map<String, Object>) actuator.health("/actuator/health/liveness").get("components"))
                .as("what liveness depends on").containsOnlyKeys("livenessState");
        await().atMost(BOUNDED).untilAsserted(() -> {
            assertThat(actuator.component("smtp")).as("smtp").containsEntry("status", "UP");
            assertThat(actuator.component("imap")).as("imap").containsEntry("status", "UP");
        });
        assertThat(actuator.get("/actuator/prometheus", "monitor").body()).as("the scrape on PostgreSQL")
                .contains("app_requests{state=\"drafting\"}").contains("app_inbox_messages{");
    }

    @Test
    void requestGoesTheWholeWayOnPostgres() throws Exception {
        RequestJourney journey = node.bean(RequestJourney.class);
        TaskService tasks = node.bean(TaskService.class);
        RequestRegistry registry = node.bean(RequestRegistry.class);
        Directory directory = node.bean(Directory.class);

        String reference = journey.sent("Puntos focales en PostgreSQL", "IOM", "PAHO");

        for (String recipient : List.of("IOM", "PAHO")) {
            assertThat(journey.sentMessage(reference, recipient)).as(recipient + " email delivered").isPresent();
            await().atMost(BOUNDED).until(() -> state(registry, reference, recipient) == RecipientState.AWAITING_REPLY);
            AppNode.sendReply(MAILBOX, journey.messageId(reference, recipient).orElseThrow(), reference,
                    directory.get(recipient).email(), "Respuesta de " + recipient + " desde PostgreSQL.");
        }
        for (String recipient : List.of("IOM", "PAHO")) {
            Task review = await().atMost(BOUNDED).until(() -> reviewTask(tasks, reference, recipient),
                    task -> task != null);
            assertThat(tasks.getVariable(review.getId(), Variables.REPLY_TEXT)).as("reply text of " + recipient)
                    .asString().contains("Respuesta de " + recipient);
            journey.complete(review, "officer1", Map.of(Variables.OUTCOME, "accept"));
        }

        await().atMost(BOUNDED).until(() -> registry.find(reference).orElseThrow().state() == RequestState.CLOSED);
        assertThat(registry.recipients(reference)).extracting(RequestDetails.Recipient::state)
                .as("recipients").doesNotContain(RecipientState.AWAITING_REPLY, RecipientState.UNDER_REVIEW);
        assertThat(node.bean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .count()).as("running instances of the closed request").isZero();
        assertThat(node.bean(RuntimeService.class).createIncidentQuery().count()).as("incidents").isZero();
    }

    private static RecipientState state(RequestRegistry registry, String reference, String code) {
        return registry.recipients(reference).stream().filter(r -> r.code().equals(code))
                .map(RequestDetails.Recipient::state).findFirst().orElseThrow();
    }

    private static Task reviewTask(TaskService tasks, String reference, String recipient) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(Elements.REVIEW_REPLY)
                .list().stream().filter(task -> recipient.equals(tasks.getVariable(task.getId(), Variables.RECIPIENT)))
                .findFirst().orElse(null);
    }
}
