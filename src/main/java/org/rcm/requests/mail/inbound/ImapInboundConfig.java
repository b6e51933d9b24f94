package org.rcm.requests.mail.inbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import org.rcm.requests.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.mail.dsl.Mail;
import org.springframework.messaging.Message;

/**
 * Reads the Secretariat mailbox: IMAP IDLE, or polling. Only unseen messages are fetched; a message is stored whole
 * and flagged seen, never deleted (one that failed to store is fetched again); delivering it is the inbox's
 * background work ({@link InboxWorker}), so the reader is never held up by it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "app.mail.inbound.enabled", havingValue = "true")
class ImapInboundConfig {

    private static final Logger LOG = LoggerFactory.getLogger(ImapInboundConfig.class);

    @Bean
    SecretariatMailReceiver secretariatMailbox(InboundProperties properties, ImapHealthIndicator mailbox) {
        String url = "%s://%s:%s@%s:%d/%s".formatted(properties.protocol(), encode(properties.username()),
                encode(properties.password()), properties.host(), properties.port(), properties.folder());
        SecretariatMailReceiver receiver = new SecretariatMailReceiver(url, properties.archiveFolder(), mailbox);
        receiver.setShouldMarkMessagesAsRead(false);
        receiver.setShouldDeleteMessages(false);
        receiver.setAutoCloseFolder(false);
        receiver.setSimpleContent(true);
        // IDLE hears of messages that arrive while it idles; one that arrived while the last batch was processed is
        // found when the idle is renewed, after at most one poll interval.
        receiver.setCancelIdleInterval(Math.max(1, properties.pollInterval().toSeconds()));
        receiver.setSearchTermStrategy((supportedFlags, folder) -> new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        Properties mail = new Properties();
        mail.setProperty("mail.imap.connectiontimeout", "10000");
        mail.setProperty("mail.imap.timeout", "30000");
        mail.setProperty("mail.imaps.connectiontimeout", "10000");
        mail.setProperty("mail.imaps.timeout", "30000");
        receiver.setJavaMailProperties(mail);
        return receiver;
    }

    /**
     * A mailbox that cannot be reached is logged by its status ({@link ImapHealthIndicator}) once, then at a back-off;
     * the IDLE adapter's own warning with a stack trace at every reconnection is off (application.yaml), and so is
     * the poller's error log for failures the status has logged already.
     */
    @Bean
    IntegrationFlow inboundMailFlow(SecretariatMailReceiver receiver, InboundProperties properties,
                                    InboundMailService inbound, ImapHealthIndicator mailbox) {
        var flow = properties.mode() == InboundProperties.Mode.IDLE
                ? IntegrationFlow.from(Mail.imapIdleAdapter(receiver).autoStartup(true)
                        .reconnectDelay(properties.reconnectDelay().toMillis()))
                : IntegrationFlow.from(Mail.imapInboundAdapter(receiver),
                        poller -> poller.poller(Pollers.fixedDelay(properties.pollInterval()).maxMessagesPerPoll(100)
                                .errorHandler(error -> {
                                    if (!mailbox.status().reported(error)) {
                                        LOG.error("Reading the mailbox failed", error);
                                    }
                                })));
        return flow.handle(Message.class, (message, headers) -> {
            take(message, inbound, receiver);
            return null;
        }).get();
    }

    /**
     * The folder stays open (the receiver reuses it, and IDLE needs it), so that each message of a batch can be
     * flagged in the mailbox once it is stored.
     */
    private static void take(Message<?> message, InboundMailService inbound, SecretariatMailReceiver receiver) {
        MimeMessage mime = (MimeMessage) message.getPayload();
        try (LogContext context = LogContext.open()) {
            LogContext.set(LogContext.MESSAGE_ID, messageId(mime));
            store(mime, inbound, receiver);
        }
    }

    private static void store(MimeMessage mime, InboundMailService inbound, SecretariatMailReceiver receiver) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            mime.writeTo(raw);
            inbound.receive(raw.toByteArray())
                    .ifPresent(id -> LOG.debug("Inbound message {} stored; the inbox delivers it", id));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not read an inbound message; it stays unseen in the mailbox", e);
        }
        try {
            receiver.markSeen(mime);
        } catch (MessagingException | RuntimeException e) {
            // stored already: fetched again, it is recognised by its Message-ID and flagged then; the reader goes on
            LOG.warn("Inbound message {} is stored, but could not be flagged or archived in the mailbox: {}",
                    messageId(mime), e.getMessage());
        }
    }

    private static String messageId(MimeMessage mime) {
        try {
            return mime.getMessageID();
        } catch (MessagingException e) {
            return "(no Message-ID)";
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
