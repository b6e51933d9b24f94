package org.rcm.requests.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.TestMailServer;
import org.rcm.requests.TestMails;
import org.rcm.requests.correspondence.CorrespondenceEntry;
import org.rcm.requests.correspondence.CorrespondenceLog;
import org.rcm.requests.mail.MailSigning;
import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The keys a request email carries (signed Message-ID, Reply-To and return path) as its recipient's server sees them,
 * and what comes back to them: a reply to the signed Reply-To alone finds its request; a bounce changes a recipient's
 * state only when it comes back to the message's signed return path or quotes its signed Message-ID.
 */
class CorrelationKeysIntegrationTest extends IntegrationTestBase {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(20);
    private static final String UNODC = "focal.point@unodc.example.org";

    @Autowired
    RequestJourney journey;
    @Autowired
    TaskService tasks;
    @Autowired
    RequestRegistry registry;
    @Autowired
    CorrespondenceLog log;
    @Autowired
    MailSigning signing;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        TestMailServer.purge();
    }

    @Test
    void requestEmailCarriesSignedKeys() throws Exception {
        String reference = journey.sent("Claves de correlación firmadas", "IOM");

        MimeMessage received = journey.sentMessage(reference, "IOM").orElseThrow();

        assertThat(signing.isSigned(received.getMessageID())).as("Message-ID " + received.getMessageID() + " verifies")
                .isTrue();
        assertThat(((InternetAddress) received.getReplyTo()[0]).getAddress()).as("Reply-To")
                .matches("secretaria\\+" + reference.toLowerCase() + "-iom-[a-z2-7]{16}@crm\\.example\\.org")
                .isEqualTo(signing.replyAddress(reference, "IOM"));
        assertThat(received.getHeader("Return-Path")).as("envelope sender, kept by the receiving server")
                .containsExactly("<" + signing.returnPath(requestEmail(reference, "IOM").id()) + ">");
    }

    @Test
    void replyToTheSignedReplyAddressAloneReachesItsReview() throws Exception {
        String reference = journey.sent("Respuesta a la dirección firmada", "PAHO");
        String replyTo = ((InternetAddress) journey.sentMessage(reference, "PAHO").orElseThrow().getReplyTo()[0])
                .getAddress();
        String messageId = "<" + UUID.randomUUID() + "@paho.example.org>";
        String reply = "From: Punto focal <punto.focal@paho.example.org>\r\nTo: " + replyTo + "\r\n"
                + "Message-ID: " + messageId + "\r\nSubject: Datos solicitados\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nAdjuntamos los datos solicitados.\r\n";

        TestMailServer.send(reply, replyTo);

        Task review = await().atMost(FEW_SECONDS).until(() -> task(reference, Elements.REVIEW_REPLY), t -> t != null);
        assertThat(tasks.getVariable(review.getId(), Variables.REPLY_TEXT)).as("reply text on the review").asString()
                .contains("Adjuntamos los datos solicitados.");
        assertThat(jdbc.sql("select correlation_rule from correspondence where message_id = ?").param(messageId)
                .query(String.class).single()).as("rule that matched the reply").isEqualTo("reply-address");
    }

    @Test
    void bounceQuotingAGuessedMessageIdChangesNothing() throws Exception {
        String reference = journey.sent("Rebote con identificador adivinado", "UNODC");
        String guessed = "<" + reference.toLowerCase() + ".unodc.request.1@crm.example.org>";

        TestMailServer.sendToSecretariat(TestMails.bounce(UNODC, guessed));

        assertHandledAsUnverifiedBounce(reference);
    }

    @Test
    void bounceQuotingAMessageIdWithAForgedKeyChangesNothing() throws Exception {
        String reference = journey.sent("Rebote con clave falsificada", "UNODC");
        String forged = journey.messageId(reference, "UNODC").orElseThrow()
                .replaceFirst("\\.[a-z2-7]{16}@", ".abcdefghijklmnop@");

        TestMailServer.sendToSecretariat(TestMails.bounce(UNODC, forged));

        assertHandledAsUnverifiedBounce(reference);
    }

    @Test
    void bounceToAReturnPathThatDoesNotVerifyChangesNothing() throws Exception {
        String reference = journey.sent("Rebote a una dirección de retorno falsificada", "UNODC");
        String forged = "secretaria+bounce-" + requestEmail(reference, "UNODC").id()
                + "-abcdefghijklmnop@crm.example.org";

        TestMailServer.send(TestMails.bounceTo(forged, UNODC, "<" + UUID.randomUUID() + "@mx.example.org>"), forged);

        assertHandledAsUnverifiedBounce(reference);
    }

    @Test
    void bounceToTheReturnPathMarksTheRecipientUndeliverable() throws Exception {
        String reference = journey.sent("Rebote a la dirección de retorno", "UNODC");
        String returnPath = journey.sentMessage(reference, "UNODC").orElseThrow().getHeader("Return-Path")[0]
                .replaceAll("[<>]", "");

        // the report quotes no Message-ID of ours: the return path alone says which message bounced
        TestMailServer.send(TestMails.bounceTo(returnPath, UNODC, "<" + UUID.randomUUID() + "@mx.example.org>"),
                returnPath);

        Task correct = await().atMost(FEW_SECONDS).until(() -> task(reference, Elements.CORRECT_CONTACT),
                t -> t != null);
        assertThat(recipientState(reference)).as("UNODC state").isEqualTo(RecipientState.UNDELIVERABLE);
        assertThat(tasks.getVariable(correct.getId(), Variables.BOUNCE_REASON)).as("bounce reason").asString()
                .contains("5.1.1");
    }

    /** The bounce was taken (its triage exists), and the recipient still waits: no delivery failure was recorded. */
    private void assertHandledAsUnverifiedBounce(String reference) {
        Task triage = await().atMost(FEW_SECONDS).until(() -> tasks.createTaskQuery()
                .taskDefinitionKey("Task_TriageMessage").processVariableValueEquals(Variables.REFERENCE, reference)
                .singleResult(), t -> t != null);
        assertThat(tasks.getVariable(triage.getId(), "triageReason")).as("why the bounce is in triage").asString()
                .contains("bounce not verified");
        assertThat(recipientState(reference)).as("UNODC state after the bounce")
                .isEqualTo(RecipientState.AWAITING_REPLY);
        assertThat(task(reference, Elements.CORRECT_CONTACT)).as("contact correction after the bounce").isNull();
    }

    private CorrespondenceEntry requestEmail(String reference, String recipient) {
        return log.forRequest(reference).stream().filter(entry -> entry.direction() == CorrespondenceEntry.Direction.OUT
                && recipient.equals(entry.recipient())).findFirst().orElseThrow();
    }

    private Task task(String reference, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).singleResult();
    }

    private RecipientState recipientState(String reference) {
        return registry.recipients(reference).stream().filter(r -> r.code().equals("UNODC"))
                .map(RequestDetails.Recipient::state).findFirst().orElseThrow();
    }
}
