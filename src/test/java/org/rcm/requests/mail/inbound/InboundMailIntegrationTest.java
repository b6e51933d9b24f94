package org.rcm.requests.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
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
import org.rcm.requests.directory.Directory;
import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestRegistry;
import org.springframework.beans.factory.annotation.Autowired;

/** Replies, auto-replies, bounces and strangers arriving in the Secretariat mailbox over SMTP and IMAP IDLE. */
class InboundMailIntegrationTest extends IntegrationTestBase {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(20);

    @Autowired
    RequestJourney journey;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CorrespondenceLog log;
    @Autowired
    RequestRegistry registry;
    @Autowired
    Directory directory;
    @Autowired
    ReplyIntake replyIntake;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        TestMailServer.purge();
    }

    @Test
    void replyByEmailOpensTheReviewWithTheQuotedOriginalStripped() throws Exception {
        String reference = journey.sent("Puntos focales especializados", "PAHO");

        TestMailServer.sendToSecretariat(journey.reply(reference, "PAHO", "punto.focal@paho.example.org",
                "Adjuntamos la lista de puntos focales.\n\nSaludos,\nOPS"));

        Task review = await().atMost(FEW_SECONDS).until(() -> reviewTask(reference), task -> task != null);
        assertThat(tasks.getVariable(review.getId(), Variables.REPLY_TEXT)).as("reply text shown to the reviewer")
                .asString().contains("Adjuntamos la lista de puntos focales.").doesNotContain("Solicitamos");
        assertThat(recipientState(reference, "PAHO")).as("PAHO state").isEqualTo(RecipientState.UNDER_REVIEW);
        assertThat(log.forRequest(reference)).as("inbound messages logged")
                .filteredOn(entry -> entry.direction() == CorrespondenceEntry.Direction.IN)
                .singleElement().satisfies(entry -> assertThat(entry.classification()).isEqualTo("HUMAN_REPLY"));
    }

    @Test
    void sameMessageDeliveredTwiceIsTakenOnce() throws Exception {
        String reference = journey.sent("Carpeta virtual de estadísticas", "UNHCR");
        String raw = journey.reply(reference, "UNHCR", "punto.focal@unhcr.example.org", "Recibido, gracias.");

        TestMailServer.sendToSecretariat(raw);
        TestMailServer.sendToSecretariat(raw);

        await().atMost(FEW_SECONDS).until(() -> reviewTask(reference) != null);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> inbound(reference) == 1);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(Elements.REVIEW_REPLY).count()).as("review tasks").isEqualTo(1);
    }

    @Test
    void automaticReplyIsLoggedButDoesNotAnswer() throws Exception {
        String reference = journey.sent("Ventanas epidemiológicas", "ICRC");
        String auto = journey.reply(reference, "ICRC", "focal.point@icrc.example.org", "I am out of the office until Monday.")
                .replace("Subject: Re:", "Auto-Submitted: auto-replied\r\nSubject: Automatic reply: Re:");

        TestMailServer.sendToSecretariat(auto);

        await().atMost(FEW_SECONDS).until(() -> inbound(reference) == 1);
        assertThat(log.forRequest(reference)).as("the auto-reply in the log")
                .filteredOn(entry -> entry.direction() == CorrespondenceEntry.Direction.IN)
                .singleElement().satisfies(entry -> assertThat(entry.classification()).isEqualTo("AUTO_REPLY"));
        assertThat(reviewTask(reference)).as("review task after an auto-reply").isNull();
        assertThat(recipientState(reference, "ICRC")).as("ICRC state").isEqualTo(RecipientState.AWAITING_REPLY);
    }

    @Test
    void bounceMarksTheRecipientUndeliverableAndACorrectedContactGetsTheRequestAgain() throws Exception {
        String reference = journey.sent("Campaña negocio mortal", "UNODC");
        String original = journey.messageId(reference, "UNODC").orElseThrow();

        TestMailServer.sendToSecretariat(TestMails.bounce("focal.point@unodc.example.org", original));

        Task correct = await().atMost(FEW_SECONDS).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(reference).taskDefinitionKey(Elements.CORRECT_CONTACT).singleResult(),
                task -> task != null);
        assertThat(recipientState(reference, "UNODC")).as("UNODC state").isEqualTo(RecipientState.UNDELIVERABLE);
        assertThat(tasks.getVariable(correct.getId(), Variables.BOUNCE_REASON)).as("bounce reason")
                .asString().contains("5.1.1");

        journey.complete(correct, "officer1", Map.of(Variables.CONTACT_ACTION, "resend",
                Variables.CORRECTED_EMAIL, "campaign@unodc.example.org"));

        await().atMost(FEW_SECONDS).until(() -> TestMailServer.MAIL
                .getReceivedMessagesForDomain("campaign@unodc.example.org").length == 1);
        assertThat(directory.get("UNODC").email()).as("UNODC contact").isEqualTo("campaign@unodc.example.org");
        await().atMost(FEW_SECONDS).until(() -> recipientState(reference, "UNODC") == RecipientState.AWAITING_REPLY);
        directory.updateContactEmail("UNODC", "focal.point@unodc.example.org");
    }

    @Test
    void messageFromAStrangerGoesToTriageAndAnOfficerAttachesIt() throws Exception {
        String reference = journey.sent("Listado de consulados", "IOM");
        String stranger = "From: Someone <someone@gmail.example.com>\r\nTo: secretaria@crm.example.org\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@gmail.example.com>\r\nSubject: consulates list\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nHere is the list you asked IOM for.\r\n";

        TestMailServer.sendToSecretariat(stranger);

        Task triage = await().atMost(FEW_SECONDS).until(() -> tasks.createTaskQuery()
                .taskDefinitionKey("Task_TriageMessage").processVariableValueEquals("from", "someone@gmail.example.com")
                .singleResult(), task -> task != null);
        journey.complete(triage, "officer2", Map.of("decision", "attach", Variables.REFERENCE, reference,
                Variables.RECIPIENT, "IOM"));

        // the model saves after the reply arrives (asyncAfter): the review task follows a moment later
        Task review = await().atMost(FEW_SECONDS).until(() -> reviewTask(reference), task -> task != null);
        assertThat(tasks.getVariable(review.getId(), Variables.REPLY_TEXT)).as("reply text")
                .asString().contains("Here is the list");
    }

    @Test
    void replyFromOutsideTheRecipientsOrganizationGoesToTriage() throws Exception {
        String reference = journey.sent("Mapeo de flujos", "IOM");

        TestMailServer.sendToSecretariat(journey.reply(reference, "IOM", "someone@paho.example.org", "Respondo por la OIM."));

        await().atMost(FEW_SECONDS).until(() -> tasks.createTaskQuery().taskDefinitionKey("Task_TriageMessage")
                .processVariableValueEquals(Variables.REFERENCE, reference).count() == 1);
        assertThat(reviewTask(reference)).as("review task for a reply from another organization").isNull();
    }

    @Test
    void replyThroughTheLinkOpensTheReview() {
        String reference = journey.sent("Capacitación sobre países de origen", "CSM");

        long id = replyIntake.receiveLinkReply(reference, "CSM", "Confirmamos la participación.", List.of(
                new ReceivedAttachment("agenda.pdf", "application/pdf", new byte[] {37, 80, 68, 70})));

        Task review = await().atMost(FEW_SECONDS).until(() -> reviewTask(reference), task -> task != null);
        assertThat(tasks.getVariable(review.getId(), Variables.REPLY_CORRESPONDENCE_ID)).as("message id on the task")
                .isEqualTo(id);
        assertThat(log.message(id).orElseThrow().attachments()).as("stored attachments").containsExactly("agenda.pdf");
    }

    @Test
    void replyToAClosedRequestGoesToTriageWithTheRequestSuggested() throws Exception {
        String reference = journey.sent("Matriz del Protocolo de Palermo", "UNHCR");
        TestMailServer.sendToSecretariat(journey.reply(reference, "UNHCR", "punto.focal@unhcr.example.org", "Adjunto."));
        Task review = await().atMost(FEW_SECONDS).until(() -> reviewTask(reference), task -> task != null);
        journey.complete(review, "officer1", Map.of(Variables.OUTCOME, "accept"));
        await().atMost(FEW_SECONDS).until(() -> registry.find(reference).orElseThrow().state()
                == org.rcm.requests.request.RequestState.CLOSED);

        TestMailServer.sendToSecretariat(journey.reply(reference, "UNHCR", "punto.focal@unhcr.example.org",
                "Una corrección a nuestra respuesta."));

        Task triage = await().atMost(FEW_SECONDS).until(() -> tasks.createTaskQuery()
                .taskDefinitionKey("Task_TriageMessage").processVariableValueEquals(Variables.REFERENCE, reference)
                .singleResult(), task -> task != null);
        assertThat(tasks.getVariable(triage.getId(), "triageReason")).as("why it is in triage").asString()
                .contains("not awaiting");
        assertThat(registry.find(reference).orElseThrow().state()).as("the closed request stays closed")
                .isEqualTo(org.rcm.requests.request.RequestState.CLOSED);
    }

    @Test
    void attachmentsOfAReplyAreStoredAndListedOnTheReview() throws Exception {
        String reference = journey.sent("Estadísticas de flujos", "PAHO");
        String original = journey.messageId(reference, "PAHO").orElseThrow();
        String withAttachment = "From: Punto focal <punto.focal@paho.example.org>\r\nTo: secretaria@crm.example.org\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@paho.example.org>\r\nIn-Reply-To: " + original + "\r\n"
                + "Subject: Re: [" + reference + "] Estadísticas\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"m1\"\r\n\r\n"
                + "--m1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nAdjuntamos las cifras.\r\n"
                + "--m1\r\nContent-Type: text/csv; name=\"cifras.csv\"\r\n"
                + "Content-Disposition: attachment; filename=\"cifras.csv\"\r\n\r\npaís;total\r\nPA;120\r\n--m1--\r\n";

        TestMailServer.sendToSecretariat(withAttachment);

        Task review = await().atMost(FEW_SECONDS).until(() -> reviewTask(reference), task -> task != null);
        assertThat(tasks.getVariable(review.getId(), Variables.REPLY_ATTACHMENTS)).as("attachments on the review")
                .isEqualTo("cifras.csv");
        long id = ((Number) tasks.getVariable(review.getId(), Variables.REPLY_CORRESPONDENCE_ID)).longValue();
        assertThat(log.message(id).orElseThrow().attachments()).as("stored attachments").containsExactly("cifras.csv");
    }

    private Task reviewTask(String reference) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(Elements.REVIEW_REPLY)
                .singleResult();
    }

    private long inbound(String reference) {
        return log.forRequest(reference).stream().filter(e -> e.direction() == CorrespondenceEntry.Direction.IN)
                .count();
    }

    private RecipientState recipientState(String reference, String code) {
        return registry.recipients(reference).stream().filter(r -> r.code().equals(code))
                .map(RequestDetails.Recipient::state).findFirst().orElseThrow();
    }
}
