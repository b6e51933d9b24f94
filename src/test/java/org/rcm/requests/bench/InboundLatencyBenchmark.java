package org.rcm.requests.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.TestMailServer;
import org.rcm.requests.request.NewRequest;
import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestRegistry;
import org.rcm.requests.request.RequestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Time from a reply reaching the IMAP server (accepted by SMTP) to its {@code Task_ReviewReply} existing, over
 * {@value #REPLIES} replies sent at a steady rate. A benchmark, not a test: {@code ./mvnw -Pbench verify}.
 * Subclasses choose IMAP IDLE or polling; each closes its application afterwards, so that one mailbox reader runs.
 */
@Tag("benchmark")
@DirtiesContext
abstract class InboundLatencyBenchmark extends IntegrationTestBase {

    static final int REPLIES = 200;
    /** Four replies a second: far above the Secretariat's real load, below what one node takes in. */
    private static final Duration GAP = Duration.ofMillis(250);

    @Autowired
    RequestService requests;
    @Autowired
    RequestRegistry registry;
    @Autowired
    TaskService tasks;
    @Autowired
    RequestJourney journey;

    abstract String mode();

    @Test
    void replyToReviewTaskLatency() throws Exception {
        List<String> references = awaitingReplies();
        Map<String, Long> sentAt = new HashMap<>();
        for (String reference : references) {
            TestMailServer.sendToSecretariat(reply(reference));
            sentAt.put(reference, System.currentTimeMillis());
            Thread.sleep(GAP.toMillis());
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> tasks
                .createTaskQuery().taskDefinitionKey(Elements.REVIEW_REPLY).processInstanceBusinessKeyIn(
                        references.toArray(String[]::new)).count() == references.size());

        List<Long> latencies = new ArrayList<>();
        for (Task task : tasks.createTaskQuery().taskDefinitionKey(Elements.REVIEW_REPLY)
                .processInstanceBusinessKeyIn(references.toArray(String[]::new)).list()) {
            String reference = registry.findByProcessInstance(task.getProcessInstanceId());
            latencies.add(task.getCreateTime().getTime() - sentAt.get(reference));
        }
        latencies.sort(Long::compare);
        long median = latencies.get(latencies.size() / 2);
        long p95 = latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1);
        String line = "%s,%d,%d,%d,%d".formatted(mode(), latencies.size(), median, p95, latencies.get(
                latencies.size() - 1));
        System.out.printf("%nInbound reply -> Task_ReviewReply (%s, %d replies): median %d ms, p95 %d ms, max %d ms%n%n",
                mode(), latencies.size(), median, p95, latencies.get(latencies.size() - 1));
        write(line);
        assertThat(latencies).as("latencies measured").hasSize(REPLIES);
    }

    /** {@value #REPLIES} administrative reminders to Mexico (no Troika approval), each awaiting its reply. */
    private List<String> awaitingReplies() {
        List<String> references = new ArrayList<>();
        for (int i = 0; i < REPLIES; i++) {
            String reference = requests.start(new NewRequest("Recordatorio " + i, "Recordatorio administrativo.",
                    List.of("MX"), LocalDate.now().plusDays(30).toString(), "administrative_reminder", "es"),
                    List.of(), "officer1").reference();
            references.add(reference);
        }
        for (Task draft : tasks.createTaskQuery().taskDefinitionKey(Elements.DRAFT_REQUEST)
                .processInstanceBusinessKeyIn(references.toArray(String[]::new)).list()) {
            tasks.complete(draft.getId());
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> references.stream()
                .allMatch(reference -> registry.recipients(reference).get(0).state()
                        == RecipientState.AWAITING_REPLY));
        return references;
    }

    private String reply(String reference) {
        String original = journey.messageId(reference, "MX").orElseThrow();
        return "From: Punto focal <punto.focal@mx.example.org>\r\nTo: secretaria@crm.example.org\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@mx.example.org>\r\nIn-Reply-To: " + original + "\r\n"
                + "Subject: Re: [" + reference + "] Recordatorio\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Recibido; enviaremos los datos.\r\n";
    }

    private static void write(String line) throws IOException {
        Path csv = Path.of("target", "bench", "inbound-latency.csv");
        Files.createDirectories(csv.getParent());
        if (!Files.exists(csv)) {
            Files.writeString(csv, "mode,replies,median_ms,p95_ms,max_ms\n");
        }
        Files.writeString(csv, line + "\n", java.nio.file.StandardOpenOption.APPEND);
    }
}
