package org.rcm.requests.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.TestMailServer;
import org.rcm.requests.request.NewRequest;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mail server goes down in the middle of a batch: sends fail and retry, end as incidents, and go out once each
 * when the server is back and the incidents are retried (as an operator does in Cockpit); the mailbox reader
 * reconnects by itself.
 */
class MailServerDownIntegrationTest extends IntegrationTestBase {

    private static final int BATCH = 10;

    @Autowired
    RequestService requests;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    RequestJourney journey;

    @Test
    void everyMessageOfABatchIsDeliveredOnceAfterTheServerComesBack() throws Exception {
        TestMailServer.purge();
        List<String> references = new ArrayList<>();
        TestMailServer.MAIL.stop();
        try {
            // given: a batch of requests ready to send while the mail server is down
            for (int i = 0; i < BATCH; i++) {
                references.add(requests.start(new NewRequest("Recordatorio " + i, "Recordatorio administrativo.",
                        List.of("MX"), LocalDate.now().plusDays(10).toString(), "administrative_reminder", "es"),
                        List.of(), "officer1").reference());
            }
            for (Task draft : tasks.createTaskQuery().taskDefinitionKey(Elements.DRAFT_REQUEST)
                    .processInstanceBusinessKeyIn(references.toArray(String[]::new)).list()) {
                tasks.complete(draft.getId());
            }

            // when: every try fails until the retries are used up
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                sendJobs(references).stream().filter(job -> job.getRetries() > 0)
                        .forEach(job -> dueNow(job.getId()));
                return incidents(references) == BATCH;
            });
        } finally {
            TestMailServer.MAIL.start();
            TestMailServer.MAIL.setUser(TestMailServer.SECRETARIAT, TestMailServer.SECRETARIAT, "demo");
        }
        assertThat(TestMailServer.MAIL.getReceivedMessages()).as("messages delivered while the server was down")
                .isEmpty();

        // then: retrying the incidents sends every message, once
        sendJobs(references).forEach(job -> {
            management.setJobRetries(job.getId(), 1);
            management.setJobDuedate(job.getId(), new java.util.Date());
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> TestMailServer.MAIL.getReceivedMessages().length >= BATCH
                && incidents(references) == 0);
        Map<String, Long> byMessageId = Arrays.stream(TestMailServer.MAIL.getReceivedMessages())
                .map(message -> {
                    try {
                        return message.getMessageID();
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(byMessageId).as("deliveries per Message-ID").hasSize(BATCH)
                .allSatisfy((id, count) -> assertThat(count).as("deliveries of " + id).isEqualTo(1L));

        // and: the mailbox reader found its way back: a reply reaches its review task
        String reference = references.get(0);
        String original = journey.messageId(reference, "MX").orElseThrow();
        TestMailServer.sendToSecretariat("From: Punto focal <punto.focal@mx.example.org>\r\n"
                + "To: secretaria@crm.example.org\r\nMessage-ID: <" + UUID.randomUUID() + "@mx.example.org>\r\n"
                + "In-Reply-To: " + original + "\r\nSubject: Re: [" + reference + "] Recordatorio\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nRecibido.\r\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(Elements.REVIEW_REPLY).count() == 1);
    }

    /** Skips the back-off wait; a job the executor is running just then is left to it. */
    private void dueNow(String jobId) {
        try {
            management.setJobDuedate(jobId, new java.util.Date());
        } catch (OptimisticLockingException runningNow) {
            // the next round catches it
        }
    }

    private List<Job> sendJobs(List<String> references) {
        return references.stream().flatMap(reference -> management.createJobQuery()
                .processInstanceId(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                        .singleResult().getId())
                .activityId(Elements.SEND_REQUEST_MAIL).list().stream()).toList();
    }

    private long incidents(List<String> references) {
        return references.stream().mapToLong(reference -> runtime.createIncidentQuery()
                .processInstanceId(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                        .singleResult().getId()).count()).sum();
    }
}
