package org.rcm.requests.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.rcm.requests.directory.Troika;
import org.rcm.requests.request.RequestProcess.Elements;
import org.springframework.stereotype.Component;

/**
 * Gauges from the engine, the same on every node: the triage backlog ({@code app.triage.backlog}) and how long its
 * oldest message has waited ({@code app.triage.oldest}), how long each Troika country's oldest open approval has
 * waited ({@code app.approval.oldest}), open incidents ({@code app.incidents}), and the job executor's backlog: jobs
 * due now ({@code app.jobs.due}) and jobs whose retries are spent ({@code app.jobs.exhausted}). Read at most once per
 * {@code app.metrics.refresh}, without a user (no authorization filters the counts).
 */
@Component
class CamundaGauges implements MeterBinder {

    static final String TRIAGE_TASK = "Task_TriageMessage";

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final Troika troika;
    private final Clock clock;
    private final Cached<Counts> counts;

    CamundaGauges(TaskService tasks, RuntimeService runtime, ManagementService management, Troika troika,
                  Clock clock, MetricsProperties properties) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.troika = troika;
        this.clock = clock;
        this.counts = new Cached<>(this::read, properties.refresh(), clock);
    }

    record Counts(long triage, double triageOldest, Map<String, Double> approvalOldest, long incidents, long due,
                  long exhausted) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("app.triage.backlog", counts, c -> c.get().triage())
                .description("Inbound messages waiting in triage (open Triage message tasks)").register(registry);
        TimeGauge.builder("app.triage.oldest", counts, TimeUnit.SECONDS, c -> c.get().triageOldest())
                .description("How long the oldest message in triage has waited (0 when none)").register(registry);
        for (String country : troika.codes()) {
            TimeGauge.builder("app.approval.oldest", counts, TimeUnit.SECONDS,
                            c -> c.get().approvalOldest().getOrDefault(country, 0.0))
                    .description("How long the Troika country's oldest open approval has waited (0 when none)")
                    .tag("country", country).register(registry);
        }
        Gauge.builder("app.incidents", counts, c -> c.get().incidents())
                .description("Open incidents (Cockpit), e.g. emails whose retries are spent").register(registry);
        Gauge.builder("app.jobs.due", counts, c -> c.get().due())
                .description("Jobs the job executor may run now (its backlog)").register(registry);
        Gauge.builder("app.jobs.exhausted", counts, c -> c.get().exhausted())
                .description("Jobs whose retries are spent").register(registry);
    }

    private Counts read() {
        TaskQuery triage = tasks.createTaskQuery().taskDefinitionKey(TRIAGE_TASK);
        Map<String, Double> approvals = new HashMap<>();
        for (String country : troika.codes()) {
            approvals.put(country, oldest(tasks.createTaskQuery().taskDefinitionKey(Elements.APPROVE_REQUEST)
                    .taskCandidateGroup("troika-" + country).includeAssignedTasks()));
        }
        return new Counts(triage.count(), oldest(tasks.createTaskQuery().taskDefinitionKey(TRIAGE_TASK)), approvals,
                runtime.createIncidentQuery().count(), management.createJobQuery().executable().count(),
                management.createJobQuery().noRetriesLeft().count());
    }

    /** Seconds since the oldest task of the query was created; 0 when there is none. */
    private double oldest(TaskQuery query) {
        List<Task> oldest = query.orderByTaskCreateTime().asc().listPage(0, 1);
        if (oldest.isEmpty()) {
            return 0;
        }
        Instant created = oldest.get(0).getCreateTime().toInstant();
        return Math.max(0, Duration.between(created, clock.instant()).toMillis() / 1000.0);
    }
}
