package org.rcm.requests;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on an in-memory H2 database and the test mail server, with the demo users and the models
 * of {@code processes/}. Every integration test extends it, so that they share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:integration;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=256",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        "app.mail.inbound.poll-interval=PT2S",
        // here rather than with the server's ports, so that a test class with a context of its own can read a
        // mailbox of its own (@TestPropertySource)
        "app.mail.inbound.username=" + TestMailServer.SECRETARIAT,
        // tests count tasks and requests; the meeting tests import the demo file themselves
        "app.demo.meetings=false",
        // the tests send many reminders and escalations to the same few parties in one day; the daily limit has tests
        // of its own (AutomaticMailIntegrationTest)
        "app.mail.outbound.max-automatic-per-recipient-per-day=1000",
        // several applications of the test JVM read the same test mailbox at once, and GreenMail cannot MOVE while
        // another session has the folder open ("Need to do this properly" in ImapSessionFolder.getExpunged); a real
        // server can. The archive has a test of its own (MailboxArchiveIntegrationTest).
        "app.mail.inbound.archive-folder=",
        // Spring Boot's tests export no metrics unless asked: the Prometheus endpoint is under test
        "management.prometheus.metrics.export.enabled=true"})
public abstract class IntegrationTestBase {

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestMailServer.register(registry);
    }
}
