package org.rcm.requests.processes;

/** A migration asked for when no running instance can move; the plan says why. */
public class NothingToMigrateException extends IllegalStateException {

    private final transient Plan plan;

    public NothingToMigrateException(Plan plan) {
        super("No running instance of " + plan.key() + " version " + plan.fromVersion() + " can move to version "
                + plan.toVersion());
        this.plan = plan;
    }

    public Plan plan() {
        return plan;
    }
}
