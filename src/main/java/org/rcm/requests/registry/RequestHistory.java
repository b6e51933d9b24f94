package org.rcm.requests.registry;

import java.time.Instant;
import java.util.List;

/** What the process engine knows of a request: the decisions taken in its tasks, and the tasks still open. */
interface RequestHistory {

    /** The events of the engine's history of this process instance, in no particular order. */
    List<TimelineEvent> events(String processInstanceId);

    List<OpenTask> openTasks(String processInstanceId);

    /** A task waiting for someone: its assignee, or else the groups it is offered to. */
    record OpenTask(String id, String key, String name, String assignee, List<String> candidateGroups,
                    Instant created) {
    }
}
