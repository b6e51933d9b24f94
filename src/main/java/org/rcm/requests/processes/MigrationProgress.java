package org.rcm.requests.processes;

import java.util.List;

/**
 * How far a migration batch has come, in jobs (one per instance).
 *
 * @param errors the engine's messages of the jobs that failed and will not be tried again (until an operator retries
 *               them in Cockpit)
 */
public record MigrationProgress(String batchId, int total, int done, int failed, State state, List<String> errors) {

    public enum State {
        RUNNING,
        /** Nothing left but failed jobs. */
        FAILED,
        COMPLETED,
        /** Deleted (in Cockpit) before all its jobs were done. */
        CANCELLED
    }
}
