package org.rcm.requests.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.rcm.requests.registry.TimelineEvent.Kind;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Reads a request's decisions from the engine's history (level full). What a run showed: a completion variable is
 * written to the scope that declares it (the Troika or per-recipient sub-process instance), not to the task, so its
 * {@link HistoricDetail} has no task id; its activity instance id is the completed task's. The country of an approval
 * is the task's candidate group ({@code troika-XX}); the recipient of a per-recipient task is that sub-process
 * instance's {@code correlationKey} ({@code <reference>/<code>}), set when its reply was awaited.
 */
@Component
class CamundaRequestHistory implements RequestHistory {

    private static final String REPLY_OVERDUE = Elements.REPLY_OVERDUE;
    private static final String TROIKA_GROUP = "troika-";

    private final HistoryService history;
    private final TaskService tasks;

    CamundaRequestHistory(HistoryService history, TaskService tasks) {
        this.history = history;
        this.tasks = tasks;
    }

    @Override
    public List<TimelineEvent> events(String processInstanceId) {
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc().list();
        Map<String, Map<String, Object>> variables = completionVariables(processInstanceId);
        Map<String, String> party = partiesByScope(activities, variables);
        Map<String, String> completedBy = completedBy(processInstanceId);

        List<TimelineEvent> events = new ArrayList<>();
        boolean drafted = false;
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .finished().orderByHistoricActivityInstanceStartTime().asc().list()) {
            if (!"completed".equals(task.getDeleteReason())) {
                continue;
            }
            Map<String, Object> values = variables.getOrDefault(task.getActivityInstanceId(), Map.of());
            Instant at = task.getEndTime().toInstant();
            String actor = completedBy.getOrDefault(task.getId(), task.getAssignee());
            String scope = parentOf(activities, task.getActivityInstanceId());
            switch (task.getTaskDefinitionKey()) {
                case Elements.DRAFT_REQUEST -> {
                    events.add(TimelineEvent.of(at, drafted ? Kind.REDRAFTED : Kind.DRAFTED, actor));
                    drafted = true;
                }
                case Elements.APPROVE_REQUEST -> events.add(TimelineEvent.decision(at, Kind.APPROVAL_DECIDED, actor,
                        party.get(scope), text(values, Variables.DECISION), text(values, Variables.COMMENT), null));
                case Elements.FOLLOW_UP -> events.add(TimelineEvent.decision(at, Kind.FOLLOW_UP_DECIDED, actor,
                        party.get(scope), text(values, Variables.ACTION), null, text(values, Variables.NEW_DUE_DATE)));
                case Elements.REVIEW_REPLY -> events.add(TimelineEvent.decision(at, Kind.REVIEW_DECIDED, actor,
                        party.get(scope), text(values, Variables.OUTCOME), text(values, Variables.CLARIFICATION),
                        null));
                case Elements.CORRECT_CONTACT -> events.add(TimelineEvent.decision(at, Kind.CONTACT_CORRECTED, actor,
                        party.get(scope), text(values, Variables.CONTACT_ACTION), null,
                        text(values, Variables.CORRECTED_EMAIL)));
                default -> { }
            }
        }
        for (HistoricActivityInstance activity : activities) {
            if (activity.getEndTime() == null) {
                continue;
            }
            Instant at = activity.getEndTime().toInstant();
            String scope = activity.getParentActivityInstanceId();
            switch (activity.getActivityId()) {
                case Elements.RECORD_SILENCE -> events.add(TimelineEvent.decision(at, Kind.SILENCE_RECORDED, null,
                        party.get(scope), null, null, null));
                case REPLY_OVERDUE -> events.add(TimelineEvent.decision(at, Kind.REPLY_OVERDUE, null,
                        party.get(scope), null, null, null));
                case Elements.DELIVERY_FAILED -> events.add(TimelineEvent.decision(at, Kind.DELIVERY_FAILED, null,
                        party.get(scope), null, bounceReason(activities, activity, variables), null));
                default -> { }
            }
        }
        return events;
    }

    @Override
    public List<OpenTask> openTasks(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().asc().list()
                .stream().map(task -> new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                        task.getAssignee(), tasks.getIdentityLinksForTask(task.getId()).stream()
                        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                        .map(IdentityLink::getGroupId).sorted().toList(), instant(task.getCreateTime())))
                .toList();
    }

    /** Per activity instance, the variables written when it ended: a task's completion variables. */
    private Map<String, Map<String, Object>> completionVariables(String processInstanceId) {
        Map<String, Map<String, Object>> byActivity = new HashMap<>();
        for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(processInstanceId)
                .variableUpdates().orderByTime().asc().list()) {
            if (detail instanceof HistoricVariableUpdate update && detail.getActivityInstanceId() != null) {
                byActivity.computeIfAbsent(detail.getActivityInstanceId(), key -> new HashMap<>())
                        .put(update.getVariableName(), update.getValue());
            }
        }
        return byActivity;
    }

    /** The Troika country or recipient of each sub-process instance (by its activity instance id). */
    private Map<String, String> partiesByScope(List<HistoricActivityInstance> activities,
                                               Map<String, Map<String, Object>> variables) {
        Map<String, String> parties = new HashMap<>();
        for (HistoricActivityInstance activity : activities) {
            String scope = activity.getParentActivityInstanceId();
            if (Elements.AWAIT_REPLY.equals(activity.getActivityId())) {
                Object key = variables.getOrDefault(activity.getId(), Map.of()).get(Variables.CORRELATION_KEY);
                if (key != null) {
                    parties.put(scope, key.toString().substring(key.toString().lastIndexOf('/') + 1));
                }
            } else if (Elements.APPROVE_REQUEST.equals(activity.getActivityId()) && activity.getTaskId() != null) {
                history.createHistoricIdentityLinkLogQuery().taskId(activity.getTaskId())
                        .type(IdentityLinkType.CANDIDATE).list().stream()
                        .map(link -> link.getGroupId())
                        .filter(group -> group != null && group.startsWith(TROIKA_GROUP)).findFirst()
                        .ifPresent(group -> parties.put(scope, group.substring(TROIKA_GROUP.length()).toUpperCase()));
            }
        }
        return parties;
    }

    /** Who completed each task: the engine logs the authenticated user of the completion. */
    private Map<String, String> completedBy(String processInstanceId) {
        Map<String, String> users = new HashMap<>();
        history.createUserOperationLogQuery().processInstanceId(processInstanceId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()
                .forEach(entry -> {
                    if (entry.getTaskId() != null && entry.getUserId() != null) {
                        users.put(entry.getTaskId(), entry.getUserId());
                    }
                });
        return users;
    }

    /** The reason a bounce gave: set by the correlation, so recorded on the wait it interrupted. */
    private static String bounceReason(List<HistoricActivityInstance> activities, HistoricActivityInstance failure,
                                       Map<String, Map<String, Object>> variables) {
        return activities.stream().filter(activity -> Elements.AWAIT_REPLY.equals(activity.getActivityId())
                        && failure.getParentActivityInstanceId().equals(activity.getParentActivityInstanceId())
                        && activity.getEndTime() != null && !activity.getEndTime().after(failure.getEndTime()))
                .reduce((earlier, later) -> later)
                .map(wait -> text(variables.getOrDefault(wait.getId(), Map.of()), Variables.BOUNCE_REASON))
                .orElse(null);
    }

    private static String parentOf(List<HistoricActivityInstance> activities, String activityInstanceId) {
        return activities.stream().filter(activity -> activity.getId().equals(activityInstanceId)).findFirst()
                .map(HistoricActivityInstance::getParentActivityInstanceId).orElse(null);
    }

    private static String text(Map<String, Object> values, String name) {
        Object value = values.get(name);
        return value == null ? null : value.toString();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
