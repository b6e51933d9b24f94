package org.rcm.requests.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.TestMailServer;
import org.rcm.requests.correspondence.CorrespondenceEntry;
import org.rcm.requests.correspondence.CorrespondenceLog;
import org.rcm.requests.request.Attachment;
import org.rcm.requests.request.NewRequest;
import org.rcm.requests.request.RequestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Sending against a real SMTP server, and against one that is down. */
class OutboundMailServiceIntegrationTest extends IntegrationTestBase {

    @Autowired
    OutboundMailService mail;
    @Autowired
    RequestService requests;
    @Autowired
    CorrespondenceLog log;
    @Autowired
    JavaMailSenderImpl sender;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        TestMailServer.MAIL.purgeEmailFromAllMailboxes();
    }

    @Test
    void mailServerDownKeepsTheMessagePendingAndTheRetrySendsItOnceWithTheSameMessageId() throws Exception {
        // given a request, and a mail server that does not answer
        String reference = newRequest(List.of());
        int port = sender.getPort();
        sender.setPort(1);
        try {
            // when the first attempt fails
            assertThatThrownBy(() -> mail.send(reference, "UNHCR", MailKind.REQUEST, null, null))
                    .as("sending with the mail server down").isInstanceOf(MailSendingException.class)
                    .hasMessageContaining("UNHCR");
        } finally {
            sender.setPort(port);
        }
        List<CorrespondenceEntry> afterFailure = log.forRequest(reference);
        assertThat(afterFailure).as("log after the failure").singleElement()
                .satisfies(entry -> assertThat(entry.status()).isEqualTo(CorrespondenceEntry.Status.PENDING));

        // and the retry goes through
        String messageId = mail.send(reference, "UNHCR", MailKind.REQUEST, null, null);

        // then one message, with the Message-ID recorded before the failure, is delivered and logged as sent
        assertThat(messageId).as("Message-ID of the retry").isEqualTo(afterFailure.get(0).messageId());
        MimeMessage[] delivered = TestMailServer.MAIL.getReceivedMessages();
        assertThat(delivered).as("messages delivered").hasSize(1);
        assertThat(delivered[0].getMessageID()).as("delivered Message-ID").isEqualTo(messageId);
        assertThat(log.forRequest(reference)).as("log after the retry").singleElement()
                .satisfies(entry -> assertThat(entry.status()).isEqualTo(CorrespondenceEntry.Status.SENT));
    }

    @Test
    void requestCarriesItsAttachmentsAndRemindersDoNot() throws Exception {
        String reference = newRequest(List.of(new Attachment("matriz.csv", "text/csv",
                "país;ley\nPA;Ley 3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))));

        mail.send(reference, "IOM", MailKind.REQUEST, null, null);
        mail.send(reference, "IOM", MailKind.REMINDER, null, null);

        MimeMessage[] delivered = TestMailServer.MAIL.getReceivedMessages();
        assertThat(delivered).as("messages delivered").hasSize(2);
        assertThat(attachmentNames(delivered[0])).as("attachments of the request").containsExactly("matriz.csv");
        assertThat(attachmentNames(delivered[1])).as("attachments of the reminder").isEmpty();
        assertThat(delivered[1].getSubject()).as("reminder subject").startsWith("[" + reference + "] Reminder:");
        assertThat(delivered[1].getMessageID()).as("reminder Message-ID differs from the request's")
                .isNotEqualTo(delivered[0].getMessageID());
    }

    private String newRequest(List<Attachment> attachments) {
        return requests.start(new NewRequest("Capacitación", "Solicitamos una capacitación.", List.of("UNHCR", "IOM"),
                LocalDate.now().plusDays(10).toString(), "support", "es"), attachments, "officer1").reference();
    }

    private static List<String> attachmentNames(MimeMessage message) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        var multipart = (jakarta.mail.Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            if (multipart.getBodyPart(i).getFileName() != null) {
                names.add(multipart.getBodyPart(i).getFileName());
            }
        }
        return names;
    }
}
