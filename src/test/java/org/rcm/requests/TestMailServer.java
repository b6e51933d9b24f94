package org.rcm.requests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.rcm.requests.config.PromptGreenMail;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One GreenMail SMTP/IMAP server on free ports for all integration tests of a run, so that the Spring context
 * they share is built once. Tests purge it before they start.
 */
public final class TestMailServer {

    public static final String SECRETARIAT = "secretaria@crm.example.org";
    public static final PromptGreenMail MAIL = start();

    private TestMailServer() {
    }

    /** The embedded server of the default run, as it is. */
    private static PromptGreenMail start() {
        // fixed free ports rather than port 0, so that a test can stop the server and start it on the same ports
        PromptGreenMail mail = new PromptGreenMail(
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        mail.withConfiguration(new GreenMailConfiguration().withSieveIgnoreDetail()); // kept across restarts
        mail.start();
        mail.setUser(SECRETARIAT, SECRETARIAT, "demo");
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empties every mailbox but keeps the Secretariat's login. */
    public static void purge() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
    }

    /** Sends a raw message to the Secretariat mailbox over SMTP, keeping its headers (Message-ID included). */
    public static void sendToSecretariat(String raw) throws Exception {
        send(raw, SECRETARIAT);
    }

    /** Sends a raw message over SMTP to {@code envelopeTo} (RCPT TO), whatever its headers say. */
    public static void send(String raw, String envelopeTo) throws Exception {
        Properties smtp = new Properties();
        smtp.setProperty("mail.smtp.host", "127.0.0.1");
        smtp.setProperty("mail.smtp.port", String.valueOf(MAIL.smtpPort()));
        Session session = Session.getInstance(smtp);
        MimeMessage message = new MimeMessage(session,
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))) {
            @Override
            protected void updateMessageID() {
                // keep the Message-ID the test wrote
            }
        };
        Transport.send(message, new Address[] {new InternetAddress(envelopeTo)});
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.smtpPort());
        registry.add("app.mail.embedded.enabled", () -> "false");
        registry.add("app.mail.inbound.host", () -> "127.0.0.1");
        registry.add("app.mail.inbound.port", () -> MAIL.imapPort());
        registry.add("app.mail.inbound.password", () -> "demo");
    }
}
