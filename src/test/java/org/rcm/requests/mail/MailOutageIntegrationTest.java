package org.rcm.requests.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rcm.requests.Actuator;
import org.rcm.requests.config.PromptGreenMail;
import org.rcm.requests.request.NewRequest;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestService;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mail server goes down and comes back, as an operator sees it: {@code smtp} and {@code imap} DOWN with the
 * reason while readiness and liveness stay UP, {@code app_mail_server_up} 0, the failed send counted; each outage
 * logged once (no stack trace at every retry), and its end once; then everything UP, and the email goes out.
 * <p>
 * An application of its own, with its own database and its own mail server, so that stopping the server disturbs no
 * other test; closed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:mail-outage;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=256",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        // the mailbox reader tries to reconnect every second while the server is down
        "app.mail.inbound.poll-interval=PT1S",
        "app.mail.inbound.username=" + MailOutageIntegrationTest.MAILBOX,
        "app.mail.inbound.archive-folder=",
        "app.mail.health.probe-interval=PT0.2S",
        "app.metrics.refresh=PT0S",
        "app.demo.meetings=false",
        "management.prometheus.metrics.export.enabled=true"})
@DirtiesContext
class MailOutageIntegrationTest {

    static final String MAILBOX = "secretaria@crm.example.org";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final PromptGreenMail MAIL = start();
    /** A stopped GreenMail forgets its ports. */
    private static final int SMTP_PORT = MAIL.smtpPort();
    private static final int IMAP_PORT = MAIL.imapPort();

    @LocalServerPort
    int port;
    @Autowired
    RequestService requests;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    MeterRegistry meters;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("app.mail.embedded.enabled", () -> "false");
        registry.add("app.mail.inbound.host", () -> "127.0.0.1");
        registry.add("app.mail.inbound.port", () -> IMAP_PORT);
        registry.add("app.mail.inbound.password", () -> "demo");
    }

    @AfterAll
    static void stopMailServer() {
        MAIL.stop();
    }

    @Test
    void aMailServerThatIsDownIsAComponentDownLoggedOnceAndTheApplicationStaysReady() {
        Actuator actuator = new Actuator(port);
        await().atMost(PATIENCE).until(() -> "UP".equals(status(actuator, "smtp"))
                && "UP".equals(status(actuator, "imap")));
        double failed = counter("failed");
        String reference;
        log.start();
        root.addAppender(log);
        try {
            MAIL.stop();
            try {
                // when: a request is to go out while the server is down
                reference = requests.start(new NewRequest("Recordatorio sin servidor", "Recordatorio administrativo.",
                        List.of("MX"), LocalDate.now().plusDays(10).toString(), "administrative_reminder", "es"),
                        List.of(), "officer1").reference();
                tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(reference)
                        .taskDefinitionKey(Elements.DRAFT_REQUEST).singleResult().getId());

                // then: the send failed and is counted; both servers are DOWN with their reason
                await().atMost(PATIENCE).until(() -> counter("failed") > failed);
                await().atMost(PATIENCE).until(() -> "DOWN".equals(status(actuator, "smtp"))
                        && "DOWN".equals(status(actuator, "imap")));
                Map<String, Object> smtp = details(actuator, "smtp");
                assertThat(smtp).as("smtp's details").containsEntry("server", "127.0.0.1:" + SMTP_PORT)
                        .containsKeys("downSince", "failedAttempts");
                assertThat((String) smtp.get("error")).as("smtp's reason").contains("Connection refused");
                assertThat((String) details(actuator, "imap").get("error")).as("imap's reason")
                        .contains("Connection refused");

                // and: the application stays alive and ready, and says what is wrong
                assertThat(actuator.get("/actuator/health/readiness", null).statusCode()).as("readiness")
                        .isEqualTo(200);
                assertThat(actuator.get("/actuator/health/liveness", null).statusCode()).as("liveness")
                        .isEqualTo(200);
                assertThat(actuator.health("/actuator/health/readiness")).as("readiness components")
                        .extractingByKey("components").asInstanceOf(
                                org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .containsOnlyKeys("db", "readinessState");
                assertThat(actuator.get("/actuator/health", null).statusCode()).as("the whole health")
                        .isEqualTo(503);
                String scrape = actuator.get("/actuator/prometheus", "monitor").body();
                assertThat(scrape).contains("app_mail_server_up{server=\"smtp\"} 0.0")
                        .contains("app_mail_server_up{server=\"imap\"} 0.0");

                // and: the reader tried again and again, and each outage was logged once, without a stack trace
                await().atMost(PATIENCE).until(() -> ((Number) details(actuator, "imap").get("failedAttempts"))
                        .intValue() >= 4);
                assertThat(lines(Level.WARN, "SMTP server 127.0.0.1:" + SMTP_PORT + " does not answer"))
                        .as("warnings that SMTP is down").hasSize(1);
                assertThat(lines(Level.WARN, "IMAP server 127.0.0.1:" + IMAP_PORT + " does not answer"))
                        .as("warnings that IMAP is down").hasSize(1);
                assertThat(log.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN)
                        && event.getThrowableProxy() != null && aboutThisServer(event)).map(event -> event
                        .getLoggerName() + ": " + event.getFormattedMessage()).toList())
                        .as("warnings and errors with a stack trace about this mail server").isEmpty();
            } finally {
                MAIL.start();
                MAIL.setUser(MAILBOX, MAILBOX, "demo");
            }

            // then: both servers are UP again, and that is logged once each
            await().atMost(PATIENCE).until(() -> "UP".equals(status(actuator, "smtp"))
                    && "UP".equals(status(actuator, "imap")));
            assertThat(lines(Level.INFO, "SMTP server 127.0.0.1:" + SMTP_PORT + " answers again"))
                    .as("lines that SMTP is back").hasSize(1);
            assertThat(lines(Level.INFO, "IMAP server 127.0.0.1:" + IMAP_PORT + " answers again"))
                    .as("lines that IMAP is back").hasSize(1);
        } finally {
            root.detachAppender(log);
        }

        // and: the send's retry (brought forward) delivers the email
        double sent = counter("sent");
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult()
                .getId();
        Job retry = management.createJobQuery().processInstanceId(instance).activityId(Elements.SEND_REQUEST_MAIL)
                .singleResult();
        management.setJobDuedate(retry.getId(), new Date());
        await().atMost(PATIENCE).until(() -> counter("sent") > sent && MAIL.getReceivedMessages().length == 1);
        assertThat(actuator.get("/actuator/health", null).statusCode()).as("the whole health, mail back").isEqualTo(200);

        // and: the job log keeps the failed try, not a row for each step that went through (AuditHistoryPlugin)
        await().atMost(PATIENCE).until(() -> history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId(Elements.SEND_REQUEST_MAIL).finished().count() == 1);
        assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).failureLog()
                .activityIdIn(Elements.SEND_REQUEST_MAIL).count()).as("the send's failed try in the job log")
                .isPositive();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).creationLog().count()
                + history.createHistoricJobLogQuery().processInstanceId(instance).successLog().count())
                .as("job log rows of created and successful jobs").isZero();
    }

    private static String status(Actuator actuator, String component) {
        return (String) actuator.component(component).get("status");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Actuator actuator, String component) {
        return (Map<String, Object>) actuator.component(component).get("details");
    }

    private double counter(String outcome) {
        return meters.get("app.mail.outbound").tag("kind", "request").tag("outcome", outcome).counter().count();
    }

    private List<String> lines(Level level, String start) {
        return log.list.stream().filter(event -> event.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage).filter(message -> message.startsWith(start)).toList();
    }

    /** The event's text, its exception's and its causes' name this test's mail server. */
    private static boolean aboutThisServer(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            text.append(' ').append(cause.getMessage());
        }
        return text.indexOf(String.valueOf(SMTP_PORT)) >= 0 || text.indexOf(String.valueOf(IMAP_PORT)) >= 0;
    }

    private static PromptGreenMail start() {
        PromptGreenMail mail = new PromptGreenMail(
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        mail.withConfiguration(new GreenMailConfiguration().withSieveIgnoreDetail());
        mail.start();
        mail.setUser(MAILBOX, MAILBOX, "demo");
        return mail;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
