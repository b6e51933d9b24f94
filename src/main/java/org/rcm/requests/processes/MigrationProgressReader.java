package org.rcm.requests.processes;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * A migration batch's progress: the statistics of a running batch; once the engine has removed a finished one (its
 * monitor job does so after the batch poll time, 30 seconds by default), its history.
 */
@Component
class MigrationProgressReader {

    private final ManagementService management;
    private final HistoryService history;

    MigrationProgressReader(ManagementService management, HistoryService history) {
        this.management = management;
        this.history = history;
    }

    MigrationProgress read(String batchId) {
        BatchStatistics running = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
        if (running != null && Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(running.getType())) {
            List<String> errors = management.createJobQuery().jobDefinitionId(running.getBatchJobDefinitionId())
                    .noRetriesLeft().list().stream().map(Job::getExceptionMessage).filter(Objects::nonNull).toList();
            MigrationProgress.State state = running.getRemainingJobs() == 0 ? MigrationProgress.State.COMPLETED
                    : running.getRemainingJobs() == running.getFailedJobs() ? MigrationProgress.State.FAILED
                    : MigrationProgress.State.RUNNING;
            return new MigrationProgress(batchId, running.getTotalJobs(), running.getCompletedJobs(),
                    running.getFailedJobs(), state, errors);
        }
        HistoricBatch ended = history.createHistoricBatchQuery().batchId(batchId).singleResult();
        if (ended != null && Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(ended.getType())
                && ended.getEndTime() != null) {
            // an ended batch either did all its jobs or was deleted (in Cockpit) before
            int succeeded = (int) history.createHistoricJobLogQuery().jobDefinitionId(ended.getBatchJobDefinitionId())
                    .successLog().count();
            return new MigrationProgress(batchId, ended.getTotalJobs(), succeeded, 0, succeeded < ended.getTotalJobs()
                    ? MigrationProgress.State.CANCELLED : MigrationProgress.State.COMPLETED, List.of());
        }
        throw new UnknownBatchException(batchId);
    }
}
