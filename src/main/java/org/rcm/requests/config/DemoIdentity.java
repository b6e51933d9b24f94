package org.rcm.requests.config;


import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.IdentityService;
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
 * Troika country, a process owner, and the Prometheus scraper's user {@code monitor} (group {@code monitoring}), all
 * with password 'demo'. Never in production.
 */
@Component
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class DemoIdentity {

    static final String PASSWORD = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoIdentity.class);

    private final IdentityService identity;
    private final Troika troika;
    private final AuthorizationService authorizations;

    DemoIdentity(IdentityService identity, Troika troika,
                 AuthorizationService authorizations) {
        this.identity = identity;
        this.troika = troika;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        group("camunda-admin", "Camunda administrators", "SYSTEM");
        group("secretariat", "Secretaría Técnica / Technical Secretariat", "WORKFLOW");
        group("troika", "Troika", "WORKFLOW");
        group("process-owner", "Responsables de procesos / Process owners", "WORKFLOW");
        group("monitoring", "Monitorización / Monitoring (Prometheus)", "SYSTEM");
        user("admin", "Admin", "CRM", "camunda-admin", "secretariat");
        user("owner1", "Process", "Owner", "process-owner");
        user("officer1", "Officer", "One", "secretariat");
        user("officer2", "Officer", "Two", "secretariat");
        user("monitor", "Prometheus", "Monitoring", "monitoring");
        for (Party country : troika.countries()) {
            String groupId = "troika-" + country.code();
            group(groupId, "Troika — " + country.nameEs() + " / " + country.nameEn(), "WORKFLOW");
            user("delegate-" + country.code().toLowerCase(), "Delegate", country.nameEn(), "troika", groupId);
        }
        authorize();
        LOG.info("Demo users ready: admin, officer1, officer2, owner1, monitor, {} (password '{}')",
                troika.codes().stream().map(code -> "delegate-" + code.toLowerCase()).toList(), PASSWORD);
    }

    /**
     * The group authorizations of docs/security.md (production: the admin creates the same in Admin). Tasks
     * need none: the engine grants each task's candidate group READ and UPDATE on it. camunda-admin gets ALL on
     * every resource, as the Admin webapp's first-user setup would give it.
     */
    private void authorize() {
        for (Resource resource : Resources.values()) {
            grant("camunda-admin", resource, "*", Permissions.ALL);
        }
        for (String group : new String[] {"secretariat", "troika"}) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.FILTER, "*", Permissions.READ);
            grant(group, Resources.USER, "*", Permissions.READ);
            grant(group, Resources.GROUP, "*", Permissions.READ);
        }
        grant("secretariat", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant("secretariat", Resources.PROCESS_DEFINITION, "InteragencyRequest", Permissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY);
        grant("secretariat", Resources.PROCESS_DEFINITION, "MessageTriage", Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
        grant("secretariat", Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        grant("secretariat", Resources.DECISION_DEFINITION, "*", Permissions.READ);
        grant("secretariat", Resources.DEPLOYMENT, "*", Permissions.READ);
        // the Troika sees the process's name and start form, never the instances or another country's tasks
        grant("troika", Resources.PROCESS_DEFINITION, "InteragencyRequest", Permissions.READ);
        // process owners deploy models (Processes page, Camunda Modeler's Deploy) and watch them run in Cockpit
        grant("process-owner", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant("process-owner", Resources.DEPLOYMENT, "*", Permissions.READ, Permissions.CREATE);
        grant("process-owner", Resources.PROCESS_DEFINITION, "*", Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
        grant("process-owner", Resources.DECISION_DEFINITION, "*", Permissions.READ);
        grant("process-owner", Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).count() > 0) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
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
}
