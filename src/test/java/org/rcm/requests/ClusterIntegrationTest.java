package org.rcm.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rcm.requests.directory.Directory;
import org.rcm.requests.request.NewRequest;
import org.rcm.requests.request.RequestProcess;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes of the application on one PostgreSQL database and one mail server, both with the job executor and the
 * IMAP reader on (one IMAP IDLE, one polling every 2 s): 200 requests, started half on each node, drafted and
 * approved by the three delegates on alternating nodes, sent, answered by email, reviewed and accepted. Every email
 * must go out exactly once, every reply be taken exactly once, every request close, and no incident appear. The same
 * batch (100 requests) on one node first, for comparison.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIntegrationTest {

    /** The issue asks for 200 on two nodes; the one-node comparison runs 100 to keep the class near 3 minutes. */
    private static final int CLUSTER_REQUESTS = 200;
    private static final int ONE_NODE_REQUESTS = 100;
    private static final List<String> RECIPIENTS = List.of("IOM", "PAHO", "ICRC", "UNHCR", "UNODC", "CSM");
    private static final List<String> DELEGATES = List.of("delegate-hn", "delegate-mx", "delegate-sv");
    private static final Duration PHASE = Duration.ofSeconds(120);

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void batchOnOneNode() throws Exception {
        batch("one_node", 1, ONE_NODE_REQUESTS);
    }

    @Test
    @Order(2)
    void batchOnTwoNodes() throws Exception {
        batch("two_nodes", 2, CLUSTER_REQUESTS);
    }

    private void batch(String name, int nodeCount, int requests) throws Exception {
        String url = TestPostgres.createDatabase(postgres, name);
        String mailbox = "secretaria-" + name.replace('_', '-') + "@crm.example.org";
        TestMailServer.purge();
        List<AppNode> nodes = new ArrayList<>();
        try {
            for (int n = 0; n < nodeCount; n++) {
                // node 0 reads the mailbox with IMAP IDLE, node 1 polls every 2 s
                nodes.add(AppNode.start(name + "-" + n, url, mailbox, n == 0, Map.of()));
            }
            run(name, nodes, mailbox, requests);
        } finally {
            Collections.reverse(nodes);
            nodes.forEach(AppNode::close);
        }
    }

    private void run(String name, List<AppNode> nodes, String mailbox, int REQUESTS) throws Exception {
        int n = nodes.size();
        AppNode first = nodes.get(0);
        JdbcClient jdbc = JdbcClient.create(first.bean(DataSource.class));
        Directory directory = first.bean(Directory.class);
        ExecutorService workers = Executors.newFixedThreadPool(n);
        long started = System.nanoTime();

        // start, draft and approve: request i starts on node i % n, its approvals alternate between the nodes
        List<Future<List<String[]>>> startedOn = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int node = k;
            startedOn.add(workers.submit(() -> {
                List<String[]> mine = new ArrayList<>();
                for (int i = node; i < REQUESTS; i += n) {
                    String recipient = RECIPIENTS.get(i % RECIPIENTS.size());
                    String reference = nodes.get(node).bean(RequestService.class).start(new NewRequest(
                            "Solicitud de prueba " + i, "Solicitamos la información indicada.", List.of(recipient),
                            LocalDate.now().plusDays(30).toString(), "information", "es"), List.of(), "officer1")
                            .reference();
                    complete(nodes.get(node), reference, Elements.DRAFT_REQUEST, "officer1", Map.of());
                    for (int d = 0; d < DELEGATES.size(); d++) {
                        complete(nodes.get((node + d + 1) % n), reference, Elements.APPROVE_REQUEST,
                                DELEGATES.get(d), Map.of(Variables.DECISION, "approve"));
                    }
                    mine.add(new String[] {reference, recipient});
                }
                return mine;
            }));
        }
        Map<String, String> recipientOf = new HashMap<>();
        for (Future<List<String[]>> future : startedOn) {
            future.get().forEach(pair -> recipientOf.put(pair[0], pair[1]));
        }
        assertThat(recipientOf).as("requests started").hasSize(REQUESTS);
        long approved = System.nanoTime();

        await().atMost(PHASE).pollInterval(Duration.ofMillis(500)).until(() -> recipientOf.entrySet().stream()
                .allMatch(entry -> first.requestMessageId(entry.getKey(), entry.getValue()).isPresent()));
        Map<String, String> requestMessageIds = recipientOf.entrySet().stream().collect(Collectors.toMap(
                entry -> first.requestMessageId(entry.getKey(), entry.getValue()).orElseThrow(), Map.Entry::getKey));
        await().atMost(PHASE).pollInterval(Duration.ofMillis(500))
                .until(() -> deliveries(requestMessageIds.keySet()).size() == REQUESTS);
        await().atMost(PHASE).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.sql(
                "select count(*) from request_recipient where state = 'AWAITING_REPLY'").query(Integer.class)
                .single() == REQUESTS);
        long sent = System.nanoTime();

        List<String> replyIds = new ArrayList<>();
        for (Map.Entry<String, String> request : recipientOf.entrySet()) {
            replyIds.add(AppNode.sendReply(mailbox, first.requestMessageId(request.getKey(), request.getValue())
                    .orElseThrow(), request.getKey(), directory.get(request.getValue()).email(),
                    "Respuesta a " + request.getKey()));
        }
        TaskService firstTasks = first.bean(TaskService.class);
        await().atMost(PHASE).pollInterval(Duration.ofMillis(500)).until(() -> firstTasks.createTaskQuery()
                .processDefinitionKey(RequestProcess.KEY).taskDefinitionKey(Elements.REVIEW_REPLY).count()
                == REQUESTS);
        long replied = System.nanoTime();

        List<Task> reviews = firstTasks.createTaskQuery().processDefinitionKey(RequestProcess.KEY)
                .taskDefinitionKey(Elements.REVIEW_REPLY).list();
        List<Future<?>> reviewing = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int node = k;
            reviewing.add(workers.submit(() -> {
                for (int i = node; i < reviews.size(); i += n) {
                    completeTask(nodes.get(node), reviews.get(i).getId(), "officer1",
                            Map.of(Variables.OUTCOME, "accept"));
                }
                return null;
            }));
        }
        for (Future<?> future : reviewing) {
            future.get();
        }
        workers.shutdown();
        await().atMost(PHASE).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.sql(
                "select count(*) from request where state = 'CLOSED'").query(Integer.class).single() == REQUESTS);
        long closed = System.nanoTime();

        // every request email delivered exactly once
        Map<String, Long> delivered = deliveries(requestMessageIds.keySet());
        long duplicateEmails = delivered.values().stream().filter(count -> count > 1).count();
        long emailsSent = delivered.values().stream().mapToLong(Long::longValue).sum();
        // every reply stored, delivered and correlated once: each correlation writes replyCorrespondenceId
        List<Map<String, Object>> inbound = jdbc.sql("select id, message_id, reference, classification, inbox_state "
                + "from correspondence where direction = 'IN'").query().listOfRows();
        Map<Object, Long> correlationsPerReply = first.bean(HistoryService.class).createHistoricDetailQuery()
                .variableUpdates().list().stream().map(HistoricVariableUpdate.class::cast)
                .filter(update -> Variables.REPLY_CORRESPONDENCE_ID.equals(update.getVariableName())
                        && update.getValue() != null)
                .collect(Collectors.groupingBy(update -> ((Number) update.getValue()).longValue(),
                        Collectors.counting()));
        long duplicateReplies = correlationsPerReply.values().stream().filter(count -> count > 1).count();
        List<HistoricTaskInstance> reviewTasks = first.bean(HistoryService.class).createHistoricTaskInstanceQuery()
                .processDefinitionKey(RequestProcess.KEY).taskDefinitionKey(Elements.REVIEW_REPLY).list();
        Map<String, Long> reviewsPerInstance = reviewTasks.stream().collect(
                Collectors.groupingBy(HistoricTaskInstance::getProcessInstanceId, Collectors.counting()));
        long outbound = jdbc.sql("select count(*) from correspondence where direction = 'OUT' and kind = 'REQUEST' "
                + "and status = 'SENT'").query(Long.class).single();
        long triage = first.bean(HistoryService.class).createHistoricProcessInstanceQuery()
                .processDefinitionKey("MessageTriage").count();
        long failedJobs = first.bean(ManagementService.class).createJobQuery().withException().count();

        System.out.printf("%n[cluster] %s: %d node(s), %d requests: emails sent %d (distinct Message-IDs %d), "
                        + "duplicate emails %d; replies sent %d, stored %d, correlated (review tasks) %d, duplicate "
                        + "replies %d; triaged %d; failed jobs %d%n"
                        + "[cluster] %s: start+draft+approve %.1f s, until all sent %.1f s, until all replies "
                        + "correlated %.1f s, until all closed %.1f s (batch total %.1f s)%n%n",
                name, nodes.size(), REQUESTS, emailsSent, delivered.size(), duplicateEmails, replyIds.size(),
                inbound.size(), reviewTasks.size(), duplicateReplies, triage, failedJobs, name,
                seconds(started, approved), seconds(started, sent), seconds(started, replied),
                seconds(started, closed), seconds(started, closed));

        assertThat(delivered).as("request emails delivered, per Message-ID").hasSize(REQUESTS)
                .allSatisfy((id, count) -> assertThat(count).as("deliveries of " + id).isEqualTo(1L));
        assertThat(outbound).as("request emails SENT in the correspondence log").isEqualTo(REQUESTS);
        assertThat(inbound).as("inbound messages").extracting(row -> row.get("message_id"))
                .containsExactlyInAnyOrderElementsOf(replyIds);
        assertThat(inbound).as("inbound messages").allSatisfy(row -> {
            assertThat(row.get("classification")).isEqualTo("HUMAN_REPLY");
            assertThat(row.get("reference")).isNotNull();
            assertThat(row.get("inbox_state")).isEqualTo("DELIVERED");
        });
        assertThat(correlationsPerReply).as("correlations per stored reply").hasSize(REQUESTS)
                .allSatisfy((id, count) -> assertThat(count).as("correlations of reply " + id).isEqualTo(1L));
        assertThat(reviewsPerInstance).as("Task_ReviewReply per request (one recipient each)").hasSize(REQUESTS)
                .allSatisfy((instance, count) -> assertThat(count).isEqualTo(1L));
        assertThat(triage).as("messages sent to triage").isZero();
        assertThat(jdbc.sql("select count(*) from request where state <> 'CLOSED'").query(Integer.class).single())
                .as("requests not closed").isZero();
        for (AppNode node : nodes) {
            assertThat(node.bean(RuntimeService.class).createIncidentQuery().count())
                    .as("incidents seen from " + node.name()).isZero();
            assertThat(node.bean(RuntimeService.class).createProcessInstanceQuery()
                    .processDefinitionKey(RequestProcess.KEY).count()).as("running requests").isZero();
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    /** Deliveries in the mail server per Message-ID, for the Message-IDs given. */
    private static Map<String, Long> deliveries(java.util.Set<String> messageIds) {
        Function<MimeMessage, String> id = message -> {
            try {
                return message.getMessageID();
            } catch (MessagingException e) {
                return null;
            }
        };
        Map<String, Long> counts = new HashMap<>();
        for (MimeMessage message : TestMailServer.MAIL.getReceivedMessages()) {
            String messageId = id.apply(message);
            if (messageId != null && messageIds.contains(messageId)) {
                counts.merge(messageId, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static void complete(AppNode node, String reference, String taskKey, String user,
                                 Map<String, Object> variables) {
        List<Task> found = node.bean(TaskService.class).createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(taskKey).taskCandidateUser(user).list();
        assertThat(found).as(taskKey + " of " + reference + " for " + user + " on " + node.name()).hasSize(1);
        completeTask(node, found.get(0).getId(), user, variables);
    }

    private static void completeTask(AppNode node, String taskId, String user, Map<String, Object> variables) {
        IdentityService identity = node.bean(IdentityService.class);
        identity.setAuthenticatedUserId(user);
        try {
            node.bean(TaskService.class).complete(taskId, variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
