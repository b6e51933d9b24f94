package org.rcm.requests.processes;

import java.util.List;

/**
 * A migration of the running instances of one version of a process to another, before it runs: which activity maps
 * to which, and, per running instance, whether the engine can move it and why not.
 *
 * @param planFailures  the engine's objections to the plan itself; when there are any, no instance can move
 * @param inputChanges  input parameters that differ between the versions: an instance already inside the activity
 *                      keeps the value it started it with (the migration runs no input mapping)
 */
public record Plan(String key, int fromVersion, int toVersion, List<Instruction> instructions,
                   List<String> planFailures, List<InputChange> inputChanges, List<Instance> instances) {

    /** Instances of the source activity become instances of the target activity. */
    public record Instruction(String sourceActivityId, String targetActivityId, boolean updateEventTrigger) {
    }

    /** A running instance, by its business key (the request reference), and the engine's reasons if it cannot move. */
    public record Instance(String processInstanceId, String reference, boolean canMove, List<String> reasons) {
    }

    public record InputChange(String activityId, String name, String before, String after) {
    }

    public List<Instance> movable() {
        return instances.stream().filter(Instance::canMove).toList();
    }
}
