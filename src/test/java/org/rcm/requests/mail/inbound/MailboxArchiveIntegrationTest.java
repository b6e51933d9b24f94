package org.rcm.requests.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.MessageIDTerm;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.TestMailServer;
import org.rcm.requests.request.RequestProcess.Elements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A stored message leaves the inbox for the mailbox's archive folder, where it is kept. An application of its own,
 * with its own database and mailbox, and the archive folder of the default run: the other applications of the test
 * JVM read the shared test mailbox without archiving (see IntegrationTestBase). Closed afterwards.
 */
@TestPropertySource(properties = {"app.mail.inbound.archive-folder=Procesados",
        "spring.datasource.url=jdbc:h2:mem:mailbox-archive;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "app.mail.inbound.username=" + MailboxArchiveIntegrationTest.MAILBOX})
@DirtiesContext
class MailboxArchiveIntegrationTest extends IntegrationTestBase {

    static final String MAILBOX = "secretaria-archive@crm.example.org";
    private static final Duration FEW_SECONDS = Duration.ofSeconds(20);

    static {
        // before the application starts reading it
        TestMailServer.MAIL.setUser(MAILBOX, MAILBOX, "demo");
    }

    @Autowired
    RequestJourney journey;
    @Autowired
    TaskService tasks;

    @Test
    void aStoredMessageIsKeptInTheMailboxsArchiveFolderNotInTheInbox() throws Exception {
        String reference = journey.sent("Carpeta de archivo", "PAHO");
        String reply = journey.reply(reference, "PAHO", "punto.focal@paho.example.org", "Respuesta archivada.");
        String messageId = reply.lines().filter(line -> line.startsWith("Message-ID: ")).findFirst().orElseThrow()
                .substring("Message-ID: ".length());

        TestMailServer.send(reply, MAILBOX);
        await().atMost(FEW_SECONDS).until(() -> reviewed(reference));

        Store mailbox = Session.getInstance(new Properties()).getStore("imap");
        mailbox.connect("127.0.0.1", TestMailServer.MAIL.imapPort(), MAILBOX, "demo");
        try {
            await().atMost(FEW_SECONDS).until(() -> count(mailbox, "Procesados", messageId) == 1);
            assertThat(count(mailbox, "INBOX", messageId)).as("the reply left in the inbox").isZero();
        } finally {
            mailbox.close();
        }
    }

    private static int count(Store mailbox, String folderName, String messageId) throws Exception {
        Folder folder = mailbox.getFolder(folderName);
        if (!folder.exists()) {
            return 0;
        }
        folder.open(Folder.READ_ONLY);
        try {
            return folder.search(new MessageIDTerm(messageId)).length;
        } finally {
            folder.close(false);
        }
    }


    private boolean reviewed(String reference) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(Elements.REVIEW_REPLY)
                .count() == 1;
    }
}
