package org.rcm.requests.task;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist's filters, so that its first screen shows the work: first "my tasks and my groups' tasks" (a Troika
 * delegate lands on their country's approvals, an officer on the Secretariat's tasks), then "my tasks"; both by due
 * date, soonest first, with their counts. Named in Spanish; English users see {@code name_en}
 * ({@link TasklistLanguage}). Who may read them is an authorization (README, Authorizations).
 */
@Component
@Order(10)
class DefaultTaskFilters implements ApplicationRunner {

    static final String MINE_AND_GROUPS = "Mis tareas y las de mis grupos";
    static final String MINE = "Mis tareas";
    /** The names the filters had before they were named in one language. */
    private static final Map<String, String> FORMER_NAMES = Map.of(
            "Tareas de mis grupos / My group tasks", MINE_AND_GROUPS, "Mis tareas / My tasks", MINE);

    private final FilterService filters;
    private final TaskService tasks;

    DefaultTaskFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        FORMER_NAMES.forEach((former, name) -> filters.createFilterQuery().filterName(former).list()
                .forEach(filter -> filters.deleteFilter(filter.getId())));
        TaskQuery mineAndGroups = tasks.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}").endOr().orderByDueDate().asc()
                .orderByTaskCreateTime().asc();
        save(MINE_AND_GROUPS, "My tasks and my groups' tasks", -20, mineAndGroups);
        save(MINE, "My tasks", -10, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                .orderByDueDate().asc().orderByTaskCreateTime().asc());
    }

    private void save(String name, String english, int priority, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("description", name);
        properties.put("name" + TasklistLanguage.SUFFIX, english);
        Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
        filters.saveFilter(filter);
    }
}
