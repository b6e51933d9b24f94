package org.rcm.requests.mail;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Probes each mail server every {@code app.mail.health.probe-interval} on a thread of its own, so that an outage
 * shows (and its end is noticed) even when no mail is being sent or fetched; the gauge {@code app.mail.server.up}
 * (tag {@code server}: smtp, imap) is 1 while a server answers and 0 while it does not.
 */
@Component
class MailServerProbes implements SmartLifecycle, MeterBinder {

    private final List<MailServerCheck> checks;
    private final MailHealthProperties properties;
    private ScheduledExecutorService prober;

    MailServerProbes(List<MailServerCheck> checks, MailHealthProperties properties) {
        this.checks = checks;
        this.properties = properties;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (MailServerCheck check : checks) {
            MailServerStatus status = check.status();
            Gauge.builder("app.mail.server.up", status, MailServerStatus::up)
                    .description("1 while the mail server answers, 0 while it does not")
                    .tag("server", status.name().toLowerCase(Locale.ROOT)).register(registry);
        }
    }

    @Override
    public void start() {
        prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mail-probe");
            thread.setDaemon(true);
            return thread;
        });
        prober.scheduleWithFixedDelay(() -> checks.forEach(MailServerCheck::check), 0,
                Math.max(1, properties.probeInterval().toMillis()), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        prober.shutdownNow();
        prober = null;
    }

    @Override
    public boolean isRunning() {
        return prober != null;
    }
}
