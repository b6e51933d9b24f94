package org.rcm.requests.config;

import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.rcm.requests.directory.Party;
import org.rcm.requests.directory.Troika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo identity of the default run (DESIGN.md section 5): admin, two Secretariat officers, one delegate per
 * Troika country, all with password 'demo'; and the Tasklist filters they work with. Never in production.
 */
@Component
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class DemoIdentity {

    static final String PASSWORD = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoIdentity.class);

    private final IdentityService identity;
    private final FilterService filters;
    private final TaskService tasks;
    private final Troika troika;

    DemoIdentity(IdentityService identity, FilterService filters, TaskService tasks, Troika troika) {
        this.identity = identity;
        this.filters = filters;
        this.tasks = tasks;
        this.troika = troika;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        group("camunda-admin", "Camunda administrators", "SYSTEM");
        group("secretariat", "Secretaría Técnica / Technical Secretariat", "WORKFLOW");
        group("troika", "Troika", "WORKFLOW");
        user("admin", "Admin", "CRM", "camunda-admin", "secretariat");
        user("officer1", "Officer", "One", "secretariat");
        user("officer2", "Officer", "Two", "secretariat");
        for (Party country : troika.countries()) {
            String groupId = "troika-" + country.code();
            group(groupId, "Troika — " + country.nameEs() + " / " + country.nameEn(), "WORKFLOW");
            user("delegate-" + country.code().toLowerCase(), "Delegate", country.nameEn(), "troika", groupId);
        }
        filter("Mis tareas / My tasks", -10, Map.of("assignee", "${currentUser()}"));
        filter("Tareas de mis grupos / My group tasks", -5, Map.of(
                "candidateGroups", "${currentUserGroups()}", "includeAssignedTasks", true));
        LOG.info("Demo users ready: admin, officer1, officer2, {} (password '{}')",
                troika.codes().stream().map(code -> "delegate-" + code.toLowerCase()).toList(), PASSWORD);
    }

    private void group(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void user(String id, String first, String last, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            user.setEmail(id + "@crm.example.org");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            for (String group : groups) {
                identity.createMembership(id, group);
            }
        }
    }

    private void filter(String name, int priority, Map<String, Object> criteria) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        var query = tasks.createTaskQuery();
        if (criteria.containsKey("assignee")) {
            query.taskAssigneeExpression((String) criteria.get("assignee"));
        } else {
            query.taskCandidateGroupInExpression((String) criteria.get("candidateGroups")).includeAssignedTasks();
        }
        Filter filter = filters.newTaskFilter(name).setQuery(query)
                .setProperties(Map.of("priority", priority, "refresh", true, "description", name));
        filters.saveFilter(filter);
    }
}
