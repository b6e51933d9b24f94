package org.rcm.requests.mail.inbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Secretariat mailbox the application reads ({@code app.mail.inbound}): IMAP with IDLE where the server has
 * it ({@code mode: idle}), or polling every {@code poll-interval}; {@code protocol: imaps} for TLS. Stored messages
 * are delivered by {@code workers} threads on each node; a passing failure is tried again after
 * {@code retry-backoff}, doubling, up to {@code max-attempts} tries, after which the message is {@code FAILED}. A
 * stored message is moved to {@code archive-folder} of the mailbox (blank: it stays, flagged seen). When the server
 * drops an IDLE connection the reader connects again after {@code reconnect-delay}: replies wait no longer than that
 * (a server that is down is tried at that pace too; its outage is logged once, see {@code MailServerStatus}).
 *
 * @param trustedAuthservId the authserv-id (RFC 8601) of the organization's own receiving server: when set, a message
 *                          is acted on automatically only when that server's {@code Authentication-Results} vouch for
 *                          its sender (see {@link SenderVerification}); null (blank) when not set
 */
@ConfigurationProperties("app.mail.inbound")
public record InboundProperties(boolean enabled, String protocol, String host, int port, String username,
                                String password, String folder, Mode mode, Duration pollInterval,
                                long maxAttachmentBytes, String trustedAuthservId, int workers,
                                Duration retryBackoff, int maxAttempts, String archiveFolder,
                                Duration reconnectDelay) {

    public enum Mode { IDLE, POLL }

    public InboundProperties {
        protocol = protocol == null ? "imap" : protocol;
        folder = folder == null ? "INBOX" : folder;
        mode = mode == null ? Mode.IDLE : mode;
        pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
        maxAttachmentBytes = maxAttachmentBytes <= 0 ? 20L * 1024 * 1024 : maxAttachmentBytes;
        trustedAuthservId = trustedAuthservId == null || trustedAuthservId.isBlank() ? null : trustedAuthservId.trim();
        workers = workers <= 0 ? 4 : workers;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(100) : retryBackoff;
        maxAttempts = maxAttempts <= 0 ? 12 : maxAttempts;
        archiveFolder = archiveFolder == null ? "Procesados" : archiveFolder.trim();
        reconnectDelay = reconnectDelay == null ? Duration.ofSeconds(1) : reconnectDelay;
    }
}
