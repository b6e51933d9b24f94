package org.rcm.requests.mail.outbound;

import java.time.Clock;

import org.rcm.requests.mail.MailHealthProperties;
import org.rcm.requests.mail.MailServerCheck;
import org.rcm.requests.mail.MailServerStatus;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/** The health component {@code smtp}: the server outgoing mail is handed to (connect, greet, log in if set). */
@Component
class SmtpHealthIndicator extends MailServerCheck {

    private final JavaMailSenderImpl sender;

    SmtpHealthIndicator(JavaMailSenderImpl sender, Clock clock, MailHealthProperties properties) {
        super(new MailServerStatus("SMTP", sender.getHost() + ":" + sender.getPort(), clock, properties));
        this.sender = sender;
    }

    @Override
    protected void probe() throws Exception {
        sender.testConnection();
    }
}
