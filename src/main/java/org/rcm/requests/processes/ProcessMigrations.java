package org.rcm.requests.processes;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves the running instances of one version of a process to another with the engine's migration: a plan is a dry
 * run ({@link MigrationPlanner}); a start hands the instances that can move to the job executor as a batch. Engine
 * work runs as the application, with no user authenticated to the engine: who may migrate is decided at the gate.
 */
@Component
public class ProcessMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessMigrations.class);

    private final MigrationPlanner planner;
    private final MigrationProgressReader progress;
    private final RuntimeService runtime;

    ProcessMigrations(MigrationPlanner planner, MigrationProgressReader progress, RuntimeService runtime) {
        this.planner = planner;
        this.progress = progress;
        this.runtime = runtime;
    }

    public Plan plan(String key, int fromVersion, int toVersion) {
        return planner.prepare(key, fromVersion, toVersion).plan();
    }

    /**
     * Starts moving the instances that can move now; the others stay on {@code fromVersion}. One that changed since
     * the dry run and can no longer move fails its job, which {@link #progress} reports.
     */
    public MigrationBatch start(String key, int fromVersion, int toVersion) {
        MigrationPlanner.Prepared prepared = planner.prepare(key, fromVersion, toVersion);
        List<Plan.Instance> movable = prepared.plan().movable();
        if (movable.isEmpty()) {
            throw new NothingToMigrateException(prepared.plan());
        }
        Batch batch = runtime.newMigration(prepared.engine())
                .processInstanceIds(movable.stream().map(Plan.Instance::processInstanceId).toList()).executeAsync();
        List<String> references = movable.stream().map(Plan.Instance::reference).toList();
        LOG.info("Migration batch {}: {} instance(s) of {} version {} to version {} ({}); {} stay", batch.getId(),
                movable.size(), key, fromVersion, toVersion, references,
                prepared.plan().instances().size() - movable.size());
        return new MigrationBatch(batch.getId(), key, fromVersion, toVersion, references);
    }

    public MigrationProgress progress(String batchId) {
        return progress.read(batchId);
    }
}
