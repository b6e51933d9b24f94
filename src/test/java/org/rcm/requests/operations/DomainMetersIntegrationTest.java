package org.rcm.requests.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.TestMailServer;
import org.rcm.requests.logging.LogContext;
import org.rcm.requests.request.RequestProcess.Elements;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The domain's meters move with what happens: a request sent, its reply arriving and reaching review, a stranger's
 * message going to triage; and the log lines about them carry the reference and the Message-ID.
 */
class DomainMetersIntegrationTest extends IntegrationTestBase {

    /** The gauges read the database at most every five seconds (app.metrics.refresh). */
    private static final Duration GAUGE = Duration.ofSeconds(20);

    @Autowired
    MeterRegistry meters;
    @Autowired
    RequestJourney journey;
    @Autowired
    TaskService tasks;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final List<Logger> loggers = List.of(logger("org.rcm.requests.mail.outbound.SmtpHandOff"),
            logger("org.rcm.requests.mail.inbound.InboxWorker"));

    @BeforeEach
    void capture() {
        log.start();
        loggers.forEach(logger -> logger.addAppender(log));
    }

    @AfterEach
    void release() {
        loggers.forEach(logger -> logger.detachAppender(log));
    }

    @Test
    void aRequestSentAndItsReplyMoveTheMeters() throws Exception {
        double sent = counter("app.mail.outbound", "kind", "request", "outcome", "sent");
        double awaiting = gauge("app.recipients", "state", "awaiting_reply");
        double approvals = timerCount("app.approval.wait", "country", "HN", "outcome", "answered");

        // when: a request goes to two recipients
        String reference = journey.sent("Medidas de la operación", "IOM", "PAHO");

        assertThat(counter("app.mail.outbound", "kind", "request", "outcome", "sent")).as("request emails sent")
                .isEqualTo(sent + 2);
        assertThat(timerCount("app.approval.wait", "country", "HN", "outcome", "answered"))
                .as("Honduras's approvals timed").isEqualTo(approvals + 1);
        await().atMost(GAUGE).untilAsserted(() -> assertThat(gauge("app.recipients", "state", "awaiting_reply"))
                .as("recipients awaiting a reply").isGreaterThanOrEqualTo(awaiting + 2));
        String messageId = journey.messageId(reference, "IOM").orElseThrow();
        assertThat(log.list).as("log line of the email to IOM, with its reference and Message-ID")
                .anySatisfy(event -> {
                    assertThat(event.getFormattedMessage()).isEqualTo("Sent REQUEST of " + reference + " to IOM");
                    assertThat(event.getMDCPropertyMap()).containsEntry(LogContext.REFERENCE, reference)
                            .containsEntry(LogContext.MESSAGE_ID, messageId);
                });

        // when: IOM replies by email
        double delivered = gauge("app.inbox.messages", "state", "delivered", "classification", "human_reply");
        double reviewed = timerCount("app.reply.review.latency", "source", "email", "route", "automatic");
        String reply = journey.reply(reference, "IOM", "focal.point@iom.example.org", "Adjuntamos la información.");
        String replyId = reply.lines().filter(line -> line.startsWith("Message-ID: ")).findFirst().orElseThrow()
                .substring("Message-ID: ".length());
        TestMailServer.sendToSecretariat(reply);
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(Elements.REVIEW_REPLY).count() == 1);

        // then: the reply is counted delivered, and the time it took to reach review is measured
        await().atMost(GAUGE).untilAsserted(() -> assertThat(timerCount("app.reply.review.latency", "source", "email",
                "route", "automatic")).as("replies timed to review").isEqualTo(reviewed + 1));
        assertThat(meters.get("app.reply.review.latency").tag("source", "email").tag("route", "automatic").timer()
                .max(java.util.concurrent.TimeUnit.SECONDS)).as("the latency of a reply just now, in seconds")
                .isBetween(0.0, 30.0);
        await().atMost(GAUGE).untilAsserted(() -> assertThat(gauge("app.inbox.messages", "state", "delivered",
                "classification", "human_reply")).as("human replies delivered").isGreaterThanOrEqualTo(delivered + 1));
        assertThat(log.list).as("log line of the reply's delivery, with its Message-ID and reference")
                .anySatisfy(event -> {
                    assertThat(event.getFormattedMessage()).endsWith(": DELIVERED");
                    assertThat(event.getMDCPropertyMap()).containsEntry(LogContext.REFERENCE, reference)
                            .containsEntry(LogContext.MESSAGE_ID, replyId);
                });
    }

    @Test
    void aMessageInTriageMovesTheBacklog() throws Exception {
        double backlog = gauge("app.triage.backlog");
        double triaged = gauge("app.inbox.messages", "state", "triage", "classification", "unrelated");

        TestMailServer.sendToSecretariat("From: Alguien <alguien@desconocido.example.net>\r\n"
                + "To: " + TestMailServer.SECRETARIAT + "\r\nMessage-ID: <" + UUID.randomUUID()
                + "@desconocido.example.net>\r\nSubject: Consulta general\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n¿Dónde envío la información?\r\n");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(gauge("app.triage.backlog"))
                .as("messages waiting in triage").isGreaterThanOrEqualTo(backlog + 1));
        await().atMost(GAUGE).untilAsserted(() -> assertThat(gauge("app.inbox.messages", "state", "triage",
                "classification", "unrelated")).as("unrelated inbound messages in triage")
                .isGreaterThanOrEqualTo(triaged + 1));
        assertThat(gauge("app.triage.oldest")).as("seconds the oldest message in triage has waited")
                .isGreaterThanOrEqualTo(0.0);
    }

    private double counter(String name, String... tags) {
        return everyApplication(registry -> registry.find(name).tags(tags).counter(), Counter::count);
    }

    private double gauge(String name, String... tags) {
        return meters.get(name).tags(tags).gauge().value();
    }

    private double timerCount(String name, String... tags) {
        return everyApplication(registry -> registry.find(name).tags(tags).timer(), Timer::count);
    }

    /**
     * A meter summed over the applications of this test JVM, as Prometheus sums a cluster's nodes: the test classes
     * with a context of their own share the database, so any application's job executor may send an email or
     * create a review task, and count it in its own registry.
     */
    private <M extends Meter> double everyApplication(Function<MeterRegistry, M> meter, ToDoubleFunction<M> value) {
        Set<MeterRegistry> registries = new HashSet<>(Metrics.globalRegistry.getRegistries());
        registries.add(meters);
        double total = 0;
        for (MeterRegistry registry : registries) {
            M found = meter.apply(registry);
            total += found == null ? 0 : value.applyAsDouble(found);
        }
        return total;
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }
}
