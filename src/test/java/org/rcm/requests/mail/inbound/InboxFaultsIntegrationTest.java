package org.rcm.requests.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.TestMailServer;
import org.rcm.requests.request.RequestProcess.Elements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Faults injected where the inbox meets the engine (the real engine, the real mailbox): a passing error, a node that
 * stopped between storing and delivering, a triage that cannot start. No message is lost in any of them.
 * <p>
 * An application of its own, with its own database and mailbox: every application's inbox works on the messages of
 * its database (as the nodes of a cluster do), so the shared integration-test application, which may still run in
 * the same JVM, would otherwise deliver these messages without the injected faults. Closed afterwards.
 */
@TestPropertySource(properties = {"app.mail.inbound.retry-backoff=PT0.05S", "app.mail.inbound.max-attempts=4",
        "spring.datasource.url=jdbc:h2:mem:inbox-faults;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "app.mail.inbound.username=" + InboxFaultsIntegrationTest.MAILBOX})
@DirtiesContext
class InboxFaultsIntegrationTest extends IntegrationTestBase {

    static final String MAILBOX = "secretaria-faults@crm.example.org";

    static {
        // before the application starts reading it
        TestMailServer.MAIL.setUser(MAILBOX, MAILBOX, "demo");
    }

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @MockitoSpyBean
    InboundActions actions;
    @Autowired
    RequestJourney journey;
    @Autowired
    InboundMailService inbound;
    @Autowired
    Inbox inbox;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate rest;

    @AfterEach
    void healed() {
        reset(actions);
    }

    @Test
    void aReplyMeetingAPassingErrorTwiceIsDeliveredOnceOnTheThirdTry() throws Exception {
        // given a request awaiting IOM's reply, and an engine that fails twice with optimistic locking
        String reference = journey.sent("Fallo pasajero", "IOM");
        doThrow(new OptimisticLockingException("injected: locking"))
                .doThrow(new OptimisticLockingException("injected: locking"))
                .doCallRealMethod()
                .when(actions).replyReceived(argThat(match -> match.reference().equals(reference)), anyLong(), any(),
                        any());

        // when IOM replies
        TestMailServer.send(journey.reply(reference, "IOM", "focal.point@iom.example.org", "Enviamos los datos."),
                MAILBOX);

        // then one review task, the message delivered on its third try, nothing in triage
        await().atMost(PATIENCE).until(() -> reviewTasks(reference) > 0);
        long id = inboundOf(reference);
        await().atMost(PATIENCE).until(() -> inbox.state(id).orElseThrow() == Inbox.State.DELIVERED);
        assertThat(reviewTasks(reference)).as("review tasks of " + reference).isOne();
        assertThat(inbox.attempts(id)).as("failed tries counted before the delivery").isEqualTo(2);
        assertThat(triagesOf(id)).as("triage of the reply").isZero();
    }

    @Test
    void aReplyLeftByANodeThatStoppedIsDeliveredOnceByAnother() throws Exception {
        // given a request awaiting IOM's reply, and IOM's reply stored by a node that then stopped: its claim on the
        // message runs out without the message being delivered
        String reference = journey.sent("Nodo detenido", "IOM");
        byte[] raw = journey.reply(reference, "IOM", "focal.point@iom.example.org", "Datos enviados.")
                .getBytes(StandardCharsets.UTF_8);
        long id = inbox.store("<" + UUID.randomUUID() + "@mail.example.org>", "focal.point@iom.example.org",
                "secretaria@crm.example.org", "Re: [" + reference + "] Solicitud", raw).orElseThrow();
        assertThat(inbox.claim(id, "stopped-node", Duration.ofSeconds(2))).as("the stopped node's claim").isTrue();

        // when this node polls the inbox after the claim ran out
        await().atMost(PATIENCE).until(() -> inbox.state(id).orElseThrow() == Inbox.State.DELIVERED);

        // then the reply reached its review once (the review task follows the wait's save point)
        await().atMost(PATIENCE).until(() -> reviewTasks(reference) > 0);
        assertThat(reviewTasks(reference)).as("review tasks of " + reference).isOne();
    }

    @Test
    void aMessageWhoseTriageCannotStartFailsVisiblyAndIsDeliveredWhenRetried() {
        // given a triage that cannot start
        doThrow(new IllegalStateException("injected: triage down")).when(actions).triage(anyLong(), any(), any(),
                any(), any(), any(), any());
        String raw = "From: desconocido@example.com\r\nMessage-ID: <" + UUID.randomUUID() + "@example.com>\r\n"
                + "Subject: Consulta sin solicitud\r\n\r\nHola.\r\n";

        // when a message for triage comes in
        long id = inbound.receive(raw.getBytes(StandardCharsets.US_ASCII)).orElseThrow();

        // then, its tries spent, it is FAILED with its error, for the operators to see
        await().atMost(PATIENCE).until(() -> inbox.state(id).orElseThrow() == Inbox.State.FAILED);
        Map<String, Object> summary = rest.withBasicAuth("officer1", "demo").getForObject("/api/inbox", Map.class);
        assertThat((List<Map<String, Object>>) summary.get("failed")).as("failed messages of /api/inbox")
                .anySatisfy(failed -> {
                    assertThat(((Number) failed.get("id")).longValue()).as("id").isEqualTo(id);
                    assertThat(failed.get("attempts")).as("tries").isEqualTo(4);
                    assertThat((String) failed.get("error")).as("error").contains("injected: triage down");
                });
        assertThat(triagesOf(id)).as("triage while it cannot start").isZero();

        // when triage works again and an operator retries the message
        doCallRealMethod().when(actions).triage(anyLong(), any(), any(), any(), any(), any(), any());
        assertThat(rest.withBasicAuth("officer1", "demo").postForEntity("/api/inbox/" + id + "/retry",
                jsonWithoutBody(), Void.class).getStatusCode()).as("retry of a failed message").isEqualTo(HttpStatus.ACCEPTED);

        // then it is in triage, once
        await().atMost(PATIENCE).until(() -> inbox.state(id).orElseThrow() == Inbox.State.TRIAGE);
        assertThat(triagesOf(id)).as("triage of the retried message").isOne();
    }

    @Test
    void theCountsOfEveryStateAddUpToEveryMessageReceived() {
        Map<?, ?> summary = rest.withBasicAuth("officer1", "demo").getForObject("/api/inbox", Map.class);

        long inboundRows = jdbc.sql("select count(*) from correspondence where direction = 'IN'").query(Long.class)
                .single();
        assertThat(((Number) summary.get("total")).longValue()).as("total of /api/inbox").isEqualTo(inboundRows);
        assertThat(((Map<?, ?>) summary.get("counts")).values().stream().mapToLong(n -> ((Number) n).longValue())
                .sum()).as("sum of the counts per state").isEqualTo(inboundRows);
    }

    private long reviewTasks(String reference) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(Elements.REVIEW_REPLY)
                .count();
    }

    private long inboundOf(String reference) {
        return jdbc.sql("select id from correspondence where direction = 'IN' and reference = ?").param(reference)
                .query(Long.class).single();
    }

    private long triagesOf(long id) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("MessageTriage")
                .variableValueEquals("correspondenceId", id).count();
    }

    /** A script's write says it is one (CsrfRequired): a content type no page of another site can send. */
    private static org.springframework.http.HttpEntity<Void> jsonWithoutBody() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new org.springframework.http.HttpEntity<>(headers);
    }
}
