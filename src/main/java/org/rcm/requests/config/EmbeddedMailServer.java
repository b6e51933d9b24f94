package org.rcm.requests.config;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.ServerSetup;
import org.rcm.requests.mail.MailProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * GreenMail as the mail server of the default run: every message sent lands in the recipient's mailbox, which any
 * IMAP client opens with the address as both login and password; the Secretariat mailbox has password 'demo' and
 * takes its plus-addresses too (the signed reply addresses and return paths).
 */
@Component
@ConditionalOnProperty(name = "app.mail.embedded.enabled", havingValue = "true")
class EmbeddedMailServer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private final EmbeddedMailProperties properties;
    private final MailProperties mail;
    private PromptGreenMail greenMail;

    EmbeddedMailServer(EmbeddedMailProperties properties, MailProperties mail) {
        this.properties = properties;
        this.mail = mail;
    }

    @Override
    public void start() {
        greenMail = new PromptGreenMail(
                new ServerSetup(properties.smtpPort(), properties.host(), ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(properties.imapPort(), properties.host(), ServerSetup.PROTOCOL_IMAP));
        // subaddressing, as a real server has it: secretaria+anything@… lands in the Secretariat mailbox
        greenMail.withConfiguration(new GreenMailConfiguration().withSieveIgnoreDetail());
        greenMail.start();
        greenMail.setUser(mail.secretariatAddress(), mail.secretariatAddress(), "demo");
        LOG.info("Embedded mail server: SMTP {}:{}, IMAP {}:{} (login = address, password = address; "
                        + "Secretariat mailbox {} / demo)", properties.host(), properties.smtpPort(), properties.host(),
                properties.imapPort(), mail.secretariatAddress());
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    @Override
    public boolean isRunning() {
        return greenMail != null;
    }

    /** Before the engine's job executor, which may send mail as soon as it starts. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
