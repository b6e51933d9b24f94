package org.rcm.requests.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.TestMailServer;
import org.rcm.requests.TestMails;
import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code app.mail.inbound.trusted-authserv-id} set, replies and bounces over SMTP and IMAP are acted on only
 * when the organization's receiving server ({@value #TRUSTED}) vouches for their sender; otherwise they wait in triage.
 * <p>
 * An application of its own: its own database and its own mailbox, so that the shared integration-test application
 * (which has no trusted authserv-id, and may still be running in the same JVM) neither reads these messages nor runs
 * these requests; closed afterwards, so that it reads nothing of later tests.
 */
@TestPropertySource(properties = {
        "app.mail.inbound.trusted-authserv-id=" + SenderVerificationIntegrationTest.TRUSTED,
        "spring.datasource.url=jdbc:h2:mem:sender-verification;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "app.mail.inbound.username=" + SenderVerificationIntegrationTest.MAILBOX})
@DirtiesContext
class SenderVerificationIntegrationTest extends IntegrationTestBase {

    static final String TRUSTED = "mx.crm.example.org";
    static final String MAILBOX = "secretaria-verified@crm.example.org";
    private static final String IOM = "focal.point@iom.example.org";
    private static final Duration FEW_SECONDS = Duration.ofSeconds(20);

    @Autowired
    RequestJourney journey;
    @Autowired
    TaskService tasks;
    @Autowired
    RequestRegistry registry;
    @Autowired
    ReplyIntake replyIntake;
    @Autowired
    Environment environment;

    static {
        // before the application starts reading it
        TestMailServer.MAIL.setUser(MAILBOX, MAILBOX, "demo");
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        TestMailServer.purge();
        assertThat(environment.getProperty("app.mail.inbound.username")).as("mailbox this application reads")
                .isEqualTo(MAILBOX);
    }

    @Test
    void replyVouchedForByTheTrustedServerOpensTheReview() throws Exception {
        String reference = awaitingReply("Puntos focales verificados");

        send(authenticated("mx.crm.example.org; dkim=pass (2048-bit key) header.d=iom.example.org header.s=s1;"
                + " dmarc=pass (p=reject dis=none) header.from=iom.example.org", reply(reference)));

        Task review = await().atMost(FEW_SECONDS).until(() -> reviewTask(reference), task -> task != null);
        assertThat(tasks.getVariable(review.getId(), Variables.REPLY_TEXT)).as("reply text on the review")
                .asString().contains("Enviamos la lista.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no Authentication-Results | | no Authentication-Results from mx.crm.example.org",
            "dmarc=fail | mx.crm.example.org; dkim=none; dmarc=fail (p=reject) header.from=iom.example.org"
                    + " | dmarc=fail header.from=iom.example.org",
            "a pass from another authserv-id | mx.google.com; dkim=pass header.d=iom.example.org;"
                    + " dmarc=pass header.from=iom.example.org | ignored those from mx.google.com"})
    void replyNotVouchedForGoesToTriageAndTheRecipientStillAwaits(String forgery, String header, String evidence)
            throws Exception {
        String reference = awaitingReply("Puntos focales, " + forgery);

        send(header == null ? reply(reference) : authenticated(header, reply(reference)));

        Task triage = await().atMost(FEW_SECONDS).until(() -> triageTask(reference), task -> task != null);
        assertThat(tasks.getVariable(triage.getId(), "triageReason")).as("why it is in triage").asString()
                .startsWith("remitente no verificado / sender not verified").contains(evidence);
        assertThat(reviewTask(reference)).as("review task of a reply not vouched for").isNull();
        assertThat(state(reference)).as("IOM state").isEqualTo(RecipientState.AWAITING_REPLY);
    }

    @Test
    void permanentBounceNotVouchedForChangesNothing() throws Exception {
        String reference = awaitingReply("Campaña, rebote no verificado");

        send(TestMails.bounce(IOM, journey.messageId(reference, "IOM").orElseThrow()));

        Task triage = await().atMost(FEW_SECONDS).until(() -> triageTask(reference), task -> task != null);
        assertThat(tasks.getVariable(triage.getId(), "triageReason")).as("why it is in triage").asString()
                .startsWith("remitente no verificado / sender not verified");
        assertThat(state(reference)).as("IOM state").isEqualTo(RecipientState.AWAITING_REPLY);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(Elements.CORRECT_CONTACT).count()).as("contact corrections asked").isZero();
    }

    @Test
    void replyThroughTheSignedLinkNeedsNoAuthenticationResults() {
        String reference = awaitingReply("Capacitación por enlace");

        replyIntake.receiveLinkReply(reference, "IOM", "Confirmamos por el enlace.", List.of());

        assertThat(await().atMost(FEW_SECONDS).until(() -> reviewTask(reference), task -> task != null))
                .as("review task").isNotNull();
    }

    /** A request sent to IOM alone, whose instance awaits the reply. */
    private String awaitingReply(String subject) {
        String reference = journey.sent(subject, "IOM");
        await().atMost(FEW_SECONDS).until(() -> state(reference) == RecipientState.AWAITING_REPLY);
        return reference;
    }

    private String reply(String reference) {
        return journey.reply(reference, "IOM", IOM, "Enviamos la lista.");
    }

    /** The message as the receiving server hands it on: its results header on top. */
    private static String authenticated(String results, String raw) {
        return "Authentication-Results: " + results + "\r\n" + raw;
    }

    private static void send(String raw) throws Exception {
        TestMailServer.send(raw, MAILBOX);
    }

    private Task reviewTask(String reference) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(Elements.REVIEW_REPLY)
                .singleResult();
    }

    private Task triageTask(String reference) {
        return tasks.createTaskQuery().taskDefinitionKey("Task_TriageMessage")
                .processVariableValueEquals(Variables.REFERENCE, reference).singleResult();
    }

    private RecipientState state(String reference) {
        return registry.recipients(reference).stream().filter(r -> r.code().equals("IOM"))
                .map(RequestDetails.Recipient::state).findFirst().orElseThrow();
    }
}
