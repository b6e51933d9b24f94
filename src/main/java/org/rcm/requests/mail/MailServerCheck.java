package org.rcm.requests.mail;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The health component of one mail server: what its {@link MailServerStatus} says, from the application's own
 * traffic and from a probe that {@link MailServerProbes} runs in the background (so that asking for health never
 * waits on a mail server). DOWN carries the reason; neither readiness nor liveness includes it.
 */
public abstract class MailServerCheck implements HealthIndicator {

    private final MailServerStatus status;

    protected MailServerCheck(MailServerStatus status) {
        this.status = status;
    }

    public MailServerStatus status() {
        return status;
    }

    /** Reaches the server as the application does; throws when it does not answer. */
    protected abstract void probe() throws Exception;

    /** One probe, its outcome recorded. */
    public void check() {
        try {
            probe();
            status.succeeded();
        } catch (Exception e) {
            status.failed(e);
        }
    }

    @Override
    public Health health() {
        MailServerStatus.Snapshot now = status.snapshot();
        Health.Builder health = !now.known() ? Health.unknown() : now.up() ? Health.up() : Health.down();
        health.withDetail("server", now.server());
        if (!now.up()) {
            health.withDetail("error", now.error()).withDetail("downSince", now.downSince())
                    .withDetail("failedAttempts", now.failures());
        }
        if (now.lastSuccess() != null) {
            health.withDetail("lastSuccess", now.lastSuccess());
        }
        details(health);
        return health.build();
    }

    /** What else the component shows. */
    protected void details(Health.Builder health) {
    }
}
