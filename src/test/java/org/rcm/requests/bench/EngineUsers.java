package org.rcm.requests.bench;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** The engine's task service as users use it: a group's task awaited, then completed as the user. */
record EngineUsers(TaskService tasks, IdentityService identity) {

    Task task(String instance, String key, String group) throws InterruptedException {
        return Waiting.until(key + " of " + instance + " for " + group, () -> tasks.createTaskQuery()
                .processInstanceId(instance).taskDefinitionKey(key).taskCandidateGroup(group).singleResult());
    }

    void complete(Task task, String user, Map<String, Object> variables) {
        identity.setAuthenticatedUserId(user);
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
