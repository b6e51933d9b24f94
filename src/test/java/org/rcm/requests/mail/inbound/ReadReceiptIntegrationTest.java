package org.rcm.requests.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.TestMailServer;
import org.rcm.requests.TestMails;
import org.rcm.requests.request.Receipt;
import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read receipts (RFC 8098 disposition notifications) over SMTP and IMAP: one that names the signed Message-ID of a
 * request email and comes from its recipient acknowledges the receipt, and is never the reply; one that verifies
 * nothing is only logged.
 */
class ReadReceiptIntegrationTest extends IntegrationTestBase {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(20);
    private static final String IOM = "focal.point@iom.example.org";

    @Autowired
    RequestJourney journey;
    @Autowired
    RequestRegistry registry;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        TestMailServer.purge();
    }

    @Test
    void aReadReceiptOfTheRequestEmailIsLoggedAsAcknowledgedAndIsNotTheReply() throws Exception {
        String reference = journey.sent("Confirmación de lectura " + UUID.randomUUID(), "IOM", "UNODC");
        String receipt = "<" + UUID.randomUUID() + "@mail.iom.example.org>";

        TestMailServer.sendToSecretariat(TestMails.readReceipt(receipt, IOM,
                journey.messageId(reference, "IOM").orElseThrow(), "[" + reference + "] Solicitud"));

        await().atMost(FEW_SECONDS).until(() -> "LOGGED".equals(inboxState(receipt)));
        RequestDetails.Recipient iom = recipient(reference, "IOM");
        assertThat(iom.acknowledgedAt()).as("IOM's receipt").isNotNull();
        assertThat(iom.acknowledgedVia()).isEqualTo(Receipt.READ_RECEIPT);
        assertThat(iom.state()).as("IOM's state after its read receipt").isEqualTo(RecipientState.AWAITING_REPLY);
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(reference)
                .activityId(Elements.AWAIT_REPLY).count()).as("recipients awaiting a reply").isEqualTo(2);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(reference).count())
                .as("tasks (a review, a triage) after the read receipt").isZero();
        assertThat(classification(receipt)).as("the receipt in the log").isEqualTo("READ_RECEIPT");
        assertThat(recipient(reference, "UNODC").acknowledgedAt()).as("UNODC's receipt").isNull();
    }

    @Test
    void aForgedReadReceiptThatVerifiesNothingIsOnlyLogged() throws Exception {
        String reference = journey.sent("Confirmación falsificada " + UUID.randomUUID(), "ICRC");
        String original = journey.messageId(reference, "ICRC").orElseThrow();
        // the Message-ID without its key, as a stranger could write it; from outside ICRC's organization
        String unsigned = original.replaceFirst("\\.[a-z2-7]{16}@", "@");
        String stranger = "<" + UUID.randomUUID() + "@mail.example.net>";
        String foreign = "<" + UUID.randomUUID() + "@mail.example.net>";

        TestMailServer.sendToSecretariat(TestMails.readReceipt(stranger, "someone@example.net", unsigned,
                "Solicitud"));
        TestMailServer.sendToSecretariat(TestMails.readReceipt(foreign, "someone@example.net", original,
                "[" + reference + "] Solicitud"));

        await().atMost(FEW_SECONDS).until(() -> "LOGGED".equals(inboxState(stranger))
                && "LOGGED".equals(inboxState(foreign)));
        assertThat(unsigned).as("the forged Message-ID").isNotEqualTo(original);
        assertThat(recipient(reference, "ICRC").acknowledgedAt()).as("ICRC's receipt after forged ones").isNull();
        assertThat(classification(stranger)).as("the forged receipts stay in the log").isEqualTo("READ_RECEIPT");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(Elements.REVIEW_REPLY).count()).as("reviews").isZero();
    }

    private RequestDetails.Recipient recipient(String reference, String code) {
        return registry.recipients(reference).stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    private String inboxState(String messageId) {
        return jdbc.sql("select inbox_state from correspondence where message_id = ?").param(messageId)
                .query(String.class).optional().orElse(null);
    }

    private String classification(String messageId) {
        return jdbc.sql("select classification from correspondence where message_id = ?").param(messageId)
                .query(String.class).single();
    }
}
