package org.rcm.requests.mail.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.rcm.requests.mail.MailHealthProperties;
import org.rcm.requests.mail.MailServerCheck;
import org.rcm.requests.mail.MailServerStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The health component {@code imap}: the Secretariat mailbox. The probe connects, logs in and selects the folder on a
 * connection of its own; the component shows how many messages there are unread (still to be fetched) and when the
 * mailbox reader last fetched, and is DOWN also when the reader has not fetched for {@code fetch-stale-after} (or
 * three poll intervals, if longer) although the server answers. The gauge {@code app.mailbox.fetch.age} is the time
 * since that fetch.
 */
@Component
@ConditionalOnProperty(name = "app.mail.inbound.enabled", havingValue = "true")
class ImapHealthIndicator extends MailServerCheck implements MeterBinder {

    private static final String TIMEOUT = "10000";

    private final InboundProperties properties;
    private final Clock clock;
    private final Duration staleAfter;
    private final Instant started;
    private volatile Instant lastFetch;
    private volatile Integer unread;

    ImapHealthIndicator(InboundProperties properties, Clock clock, MailHealthProperties health) {
        super(new MailServerStatus("IMAP", properties.host() + ":" + properties.port(), clock, health));
        this.properties = properties;
        this.clock = clock;
        Duration polls = properties.pollInterval().multipliedBy(3);
        this.staleAfter = polls.compareTo(health.fetchStaleAfter()) > 0 ? polls : health.fetchStaleAfter();
        this.started = clock.instant();
    }

    /** The mailbox reader fetched (the new messages, or none). */
    void fetched() {
        lastFetch = clock.instant();
        status().succeeded();
    }

    @Override
    protected void probe() throws Exception {
        Properties session = new Properties();
        for (String protocol : new String[] {"imap", "imaps"}) {
            session.setProperty("mail." + protocol + ".connectiontimeout", TIMEOUT);
            session.setProperty("mail." + protocol + ".timeout", TIMEOUT);
        }
        Store store = Session.getInstance(session).getStore(properties.protocol());
        try {
            store.connect(properties.host(), properties.port(), properties.username(), properties.password());
            Folder folder = store.getFolder(properties.folder());
            folder.open(Folder.READ_ONLY);
            try {
                unread = folder.getUnreadMessageCount();
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    @Override
    public Health health() {
        Health health = super.health();
        Duration since = Duration.between(lastFetch(), clock.instant());
        if (!health.getStatus().equals(org.springframework.boot.actuate.health.Status.UP)
                || since.compareTo(staleAfter) <= 0) {
            return health;
        }
        return Health.down().withDetails(health.getDetails()).withDetail("error", "the server answers, but the "
                + "mailbox reader has not fetched for " + since.withNanos(0) + " (more than " + staleAfter + ")")
                .build();
    }

    @Override
    protected void details(Health.Builder health) {
        health.withDetail("folder", properties.folder()).withDetail("mode", properties.mode().name().toLowerCase());
        if (lastFetch != null) {
            health.withDetail("lastFetch", lastFetch);
        }
        if (unread != null) {
            health.withDetail("unread", unread);
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        TimeGauge.builder("app.mailbox.fetch.age", this, TimeUnit.SECONDS,
                        mailbox -> Duration.between(mailbox.lastFetch(), clock.instant()).toMillis() / 1000.0)
                .description("Time since the mailbox reader last fetched (since start-up before its first fetch)")
                .register(registry);
    }

    /** When the reader last fetched; the start-up time before its first fetch. */
    Instant lastFetch() {
        return lastFetch == null ? started : lastFetch;
    }
}
