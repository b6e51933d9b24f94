package org.rcm.requests.processes;

/** A migration asked for between versions that do not exist, or from a version to itself. */
public class InvalidMigrationException extends IllegalArgumentException {

    public InvalidMigrationException(String message) {
        super(message);
    }
}
