package org.rcm.requests.config;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasks created before candidates got {@code TASK_WORK} (application.yaml) carry the engine's old default grant,
 * {@code UPDATE}, which lets a candidate write the task's variables. At start-up each such grant on a single task
 * becomes {@code TASK_WORK}; grants on every task ({@code *}) are an administrator's choice and stay.
 */
@Component
@Order(0)
class TaskPermissionUpgrade implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskPermissionUpgrade.class);

    private final AuthorizationService authorizations;

    TaskPermissionUpgrade(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        int upgraded = 0;
        for (Authorization grant : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .hasPermission(Permissions.UPDATE).list()) {
            if (grant.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT || "*".equals(grant.getResourceId())) {
                continue;
            }
            grant.removePermission(Permissions.UPDATE);
            grant.addPermission(TaskPermissions.TASK_WORK);
            authorizations.saveAuthorization(grant);
            upgraded++;
        }
        if (upgraded > 0) {
            LOG.info("{} task grants of UPDATE became TASK_WORK (candidates no longer write task variables)", upgraded);
        }
    }
}
