package org.rcm.requests.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.rcm.requests.directory.Troika;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Timers fed by the engine's task events (the Camunda starter publishes every task event): the time from a reply's
 * arrival to its Review reply task ({@code app.reply.review.latency}, tags {@code source}: email or link,
 * {@code route}: automatic or triage), and how long each Troika country took over its approval
 * ({@code app.approval.wait}, tags {@code country}, {@code outcome}: answered, or cancelled when the silence period
 * ended it or the round ended without it). Both are histograms with fixed buckets (docs/operations.md), so that
 * Prometheus computes percentiles across nodes ({@code histogram_quantile}). Recorded once the engine's transaction
 * commits.
 */
@Component
class CamundaTaskTimers {

    static final String REVIEW_LATENCY = "app.reply.review.latency";
    static final String APPROVAL_WAIT = "app.approval.wait";

    private final MeterRegistry meters;
    private final JdbcClient jdbc;
    private final Clock clock;

    CamundaTaskTimers(MeterRegistry meters, JdbcClient jdbc, Clock clock, Troika troika) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.clock = clock;
        for (String source : new String[] {"email", "link"}) {
            for (String route : new String[] {"automatic", "triage"}) {
                reviewLatency(source, route);
            }
        }
        for (String country : troika.codes()) {
            approvalWait(country, "answered");
            approvalWait(country, "cancelled");
        }
    }

    @EventListener
    void taskEvent(DelegateTask task) {
        String event = task.getEventName();
        if (Elements.REVIEW_REPLY.equals(task.getTaskDefinitionKey()) && TaskListener.EVENTNAME_CREATE.equals(event)) {
            reviewCreated(task);
        } else if (Elements.APPROVE_REQUEST.equals(task.getTaskDefinitionKey())
                && (TaskListener.EVENTNAME_COMPLETE.equals(event) || TaskListener.EVENTNAME_DELETE.equals(event))) {
            Object country = task.getVariable(Variables.TROIKA_COUNTRY);
            if (country != null && task.getCreateTime() != null) {
                Duration waited = Duration.between(task.getCreateTime().toInstant(), clock.instant());
                Timer timer = approvalWait(country.toString(),
                        TaskListener.EVENTNAME_COMPLETE.equals(event) ? "answered" : "cancelled");
                afterCommit(() -> timer.record(waited));
            }
        }
    }

    private void reviewCreated(DelegateTask task) {
        if (!(task.getVariable(Variables.REPLY_CORRESPONDENCE_ID) instanceof Number id)) {
            return;
        }
        record Arrival(Instant at, String source, String rule) {
        }
        Optional<Arrival> arrival = jdbc.sql("select received_at, source, correlation_rule from correspondence "
                        + "where id = ? and received_at is not null").param(id.longValue())
                .query((rs, row) -> new Arrival(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
                .optional();
        arrival.ifPresent(reply -> {
            Duration latency = Duration.between(reply.at(), clock.instant());
            Timer timer = reviewLatency("LINK".equals(reply.source()) ? "link" : "email",
                    "triage".equals(reply.rule()) ? "triage" : "automatic");
            afterCommit(() -> timer.record(latency.isNegative() ? Duration.ZERO : latency));
        });
    }

    private Timer reviewLatency(String source, String route) {
        return Timer.builder(REVIEW_LATENCY)
                .description("From a reply's arrival (stored in the inbox) to its Review reply task")
                .tag("source", source).tag("route", route)
                .serviceLevelObjectives(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
                        Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
                        Duration.ofHours(4), Duration.ofDays(1))
                .register(meters);
    }

    private Timer approvalWait(String country, String outcome) {
        return Timer.builder(APPROVAL_WAIT)
                .description("How long a Troika country's approval task was open")
                .tag("country", country).tag("outcome", outcome)
                .serviceLevelObjectives(Duration.ofHours(1), Duration.ofHours(8), Duration.ofDays(1),
                        Duration.ofDays(2), Duration.ofDays(5), Duration.ofDays(10), Duration.ofDays(30))
                .register(meters);
    }

    /** After the engine's transaction commits (a step that rolls back and runs again is measured once). */
    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
