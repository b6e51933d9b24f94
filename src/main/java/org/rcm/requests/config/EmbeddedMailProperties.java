package org.rcm.requests.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The embedded SMTP/IMAP server of the default run ({@code app.mail.embedded}). */
@ConfigurationProperties("app.mail.embedded")
public record EmbeddedMailProperties(boolean enabled, String host, int smtpPort, int imapPort) {
}
