package org.rcm.requests.processes;

import java.util.List;

/** A migration handed to the engine's job executor: its batch, and the requests it moves. */
public record MigrationBatch(String batchId, String key, int fromVersion, int toVersion, List<String> references) {
}
