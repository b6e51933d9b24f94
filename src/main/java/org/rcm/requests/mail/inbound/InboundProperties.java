package org.rcm.requests.mail.inbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Secretariat mailbox the application reads ({@code app.mail.inbound}): IMAP with IDLE where the server has
 * it ({@code mode: idle}), or polling every {@code poll-interval}; {@code protocol: imaps} for TLS.
 */
@ConfigurationProperties("app.mail.inbound")
public record InboundProperties(boolean enabled, String protocol, String host, int port, String username,
                                String password, String folder, Mode mode, Duration pollInterval,
                                long maxAttachmentBytes) {

    public enum Mode { IDLE, POLL }

    public InboundProperties {
        protocol = protocol == null ? "imap" : protocol;
        folder = folder == null ? "INBOX" : folder;
        mode = mode == null ? Mode.IDLE : mode;
        pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
        maxAttachmentBytes = maxAttachmentBytes <= 0 ? 20L * 1024 * 1024 : maxAttachmentBytes;
    }
}
