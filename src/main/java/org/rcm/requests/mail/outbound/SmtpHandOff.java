package org.rcm.requests.mail.outbound;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.rcm.requests.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Hands one message to the SMTP server, with the request's reference and the Message-ID in the log context. It counts
 * what the server took and what it did not ({@code app.mail.outbound}, tags {@code kind}, {@code outcome}: {@code sent},
 * {@code failed}) and tells the server's status: a server that cannot be reached starts or prolongs an outage, logged
 * once rather than at every retry; a server that refused an address answered, and is up.
 */
@Component
class SmtpHandOff {

    static final String METER = "app.mail.outbound";
    private static final Logger LOG = LoggerFactory.getLogger(SmtpHandOff.class);

    private final JavaMailSenderImpl sender;
    private final MeterRegistry meters;
    private final SmtpHealthIndicator smtp;

    SmtpHandOff(JavaMailSenderImpl sender, MeterRegistry meters, SmtpHealthIndicator smtp) {
        this.sender = sender;
        this.meters = meters;
        this.smtp = smtp;
        // every series from the start, so that the first failure is a rise from 0 that a rate sees
        for (MailKind kind : MailKind.values()) {
            counter(kind, "sent");
            counter(kind, "failed");
        }
    }

    void send(MimeMessage message, String messageId, MailKind kind, String reference, String to) {
        try (LogContext context = LogContext.open()) {
            LogContext.set(LogContext.REFERENCE, reference);
            LogContext.set(LogContext.MESSAGE_ID, messageId);
            try {
                sender.send(message);
            } catch (MailException e) {
                counter(kind, "failed").increment();
                if (refusedAddress(e)) {
                    smtp.status().succeeded();
                } else {
                    smtp.status().failed(e);
                }
                throw e;
            }
            counter(kind, "sent").increment();
            smtp.status().succeeded();
            LOG.info("Sent {} of {} to {}", kind, reference, to);
        }
    }

    private Counter counter(MailKind kind, String outcome) {
        return Counter.builder(METER).description("Emails handed to the SMTP server (sent), or that it did not take")
                .tag("kind", kind.key()).tag("outcome", outcome).register(meters);
    }

    /** The server answered and refused a recipient. */
    private static boolean refusedAddress(MailException error) {
        if (error instanceof MailSendException send
                && send.getFailedMessages().values().stream().anyMatch(SendFailedException.class::isInstance)) {
            return true;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SendFailedException) {
                return true;
            }
        }
        return false;
    }
}
