package org.rcm.requests.processes;

/** No migration batch, running or ended, has this id. */
public class UnknownBatchException extends IllegalArgumentException {

    public UnknownBatchException(String batchId) {
        super("No migration batch " + batchId);
    }
}
