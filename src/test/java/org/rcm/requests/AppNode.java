package org.rcm.requests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One node of the application in the {@code postgres} profile: the whole application, built with
 * {@link SpringApplicationBuilder}, on a PostgreSQL database, sending through {@link TestMailServer} and reading
 * replies from a mailbox of it. The profile's variables (DATABASE_URL, MAIL_HOST, IMAP_...) are given as properties,
 * so the profile is exercised as production reads it; only TLS and SMTP authentication are turned off (GreenMail
 * has neither here). The demo users are turned on ({@code app.demo.enabled=true}, with the {@code demo} profile that
 * allows them on PostgreSQL): the tests work as officer1 and the
 * three delegates.
 */
public final class AppNode implements AutoCloseable {

    private final String name;
    private final ConfigurableApplicationContext context;

    private AppNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    /**
     * Starts a node. {@code mailbox} is the Secretariat mailbox it reads (and sends from): one of its own per test
     * class, so that the H2 context of the other integration tests, which reads {@link TestMailServer#SECRETARIAT},
     * never takes these replies.
     */
    public static AppNode start(String name, String jdbcUrl, String mailbox, boolean idle, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("DATABASE_URL", jdbcUrl);
        properties.put("DATABASE_USERNAME", TestPostgres.USER);
        properties.put("DATABASE_PASSWORD", TestPostgres.PASSWORD);
        properties.put("MAIL_HOST", "127.0.0.1");
        properties.put("MAIL_PORT", TestMailServer.MAIL.smtpPort());
        properties.put("IMAP_PROTOCOL", "imap");
        properties.put("IMAP_HOST", "127.0.0.1");
        properties.put("IMAP_PORT", TestMailServer.MAIL.imapPort());
        properties.put("IMAP_USERNAME", mailbox);
        properties.put("IMAP_PASSWORD", "demo");
        properties.put("SECRETARIAT_ADDRESS", mailbox);
        properties.put("spring.mail.properties.mail.smtp.auth", "false");
        properties.put("spring.mail.properties.mail.smtp.starttls.enable", "false");
        properties.put("spring.mail.properties.mail.smtp.starttls.required", "false");
        properties.put("app.demo.enabled", "true");
        properties.put("app.demo.meetings", "false");
        properties.put("app.mail.inbound.mode", idle ? "idle" : "poll");
        properties.put("app.mail.inbound.poll-interval", "PT2S");
        // two nodes read one GreenMail mailbox, which cannot MOVE while another session has it open (see
        // IntegrationTestBase)
        properties.put("app.mail.inbound.archive-folder", "");
        properties.put("server.port", "0");
        properties.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
        properties.put("camunda.bpm.job-execution.max-wait", "1000");
        properties.put("spring.application.name", "interagency-" + name);
        properties.putAll(extra);
        TestMailServer.MAIL.setUser(mailbox, mailbox, "demo");
        // as command-line arguments: they override the profile's file (builder properties would not)
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .profiles("postgres", "demo").run(args);
        return new AppNode(name, context);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String name() {
        return name;
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
    }

    @Override
    public void close() {
        context.close();
    }

    /** The request email's Message-ID, as this node recorded it in the correspondence log; empty until then. */
    public Optional<String> requestMessageId(String reference, String recipient) {
        return bean(RequestJourney.class).messageId(reference, recipient);
    }

    /**
     * A reply from the recipient's contact to the request email whose Message-ID is {@code original}, sent over SMTP
     * to {@code mailbox}.
     */
    public static String sendReply(String mailbox, String original, String reference, String from, String text)
            throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@mail.example.org>";
        String raw = "From: Focal point <" + from + ">\r\n"
                + "To: " + mailbox + "\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + "In-Reply-To: " + original + "\r\n"
                + "References: " + original + "\r\n"
                + "Subject: Re: [" + reference + "] Solicitud\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + text + "\r\n\r\nSaludos\r\n";
        Properties smtp = new Properties();
        smtp.setProperty("mail.smtp.host", "127.0.0.1");
        smtp.setProperty("mail.smtp.port", String.valueOf(TestMailServer.MAIL.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))) {
            @Override
            protected void updateMessageID() {
                // keep the Message-ID written above
            }
        };
        Transport.send(message, new Address[] {new InternetAddress(mailbox)});
        return messageId;
    }
}
