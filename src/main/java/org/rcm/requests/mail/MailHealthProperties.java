package org.rcm.requests.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the mail servers are watched ({@code app.mail.health}): each is probed every {@code probe-interval} (SMTP:
 * connect and greet; IMAP: connect, log in and select the folder); an outage is logged once, then after
 * {@code log-repeat}, doubling up to {@code log-repeat-max}; the mailbox is reported DOWN also when its reader has
 * not fetched for {@code fetch-stale-after}.
 */
@ConfigurationProperties("app.mail.health")
public record MailHealthProperties(Duration probeInterval, Duration logRepeat, Duration logRepeatMax,
                                   Duration fetchStaleAfter) {

    public MailHealthProperties {
        probeInterval = probeInterval == null ? Duration.ofSeconds(30) : probeInterval;
        logRepeat = logRepeat == null ? Duration.ofMinutes(1) : logRepeat;
        logRepeatMax = logRepeatMax == null ? Duration.ofHours(1) : logRepeatMax;
        fetchStaleAfter = fetchStaleAfter == null ? Duration.ofMinutes(5) : fetchStaleAfter;
    }
}
