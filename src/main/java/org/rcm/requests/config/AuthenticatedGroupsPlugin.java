package org.rcm.requests.config;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * With authorization on, the engine checks the groups of the current authentication; code that authenticates with
 * {@code identityService.setAuthenticatedUserId(user)} (no groups) would lose every group permission, including
 * the task permissions of candidate groups. Before each command, an authentication without groups gets the user's
 * groups from the identity service. Tasklist, Cockpit and {@code /engine-rest} set the groups themselves.
 */
@Component
class AuthenticatedGroupsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(with(
                configuration.getCustomPreCommandInterceptorsTxRequired(), configuration));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(with(
                configuration.getCustomPreCommandInterceptorsTxRequiresNew(), configuration));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors,
                                                 ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(0, new GroupsInterceptor(configuration));
        return all;
    }

    static class GroupsInterceptor extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        GroupsInterceptor(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            IdentityService identity = configuration.getIdentityService();
            Authentication authentication = identity == null ? null : identity.getCurrentAuthentication();
            if (authentication != null && authentication.getUserId() != null
                    && authentication.getGroupIds() == null) {
                // the lookup runs unauthenticated (it would otherwise recurse and be filtered by authorization)
                identity.clearAuthentication();
                List<String> groups;
                try {
                    groups = identity.createGroupQuery().groupMember(authentication.getUserId()).list().stream()
                            .map(Group::getId).toList();
                } finally {
                    identity.setAuthentication(authentication.getUserId(), List.of(),
                            authentication.getTenantIds());
                }
                identity.setAuthentication(authentication.getUserId(), groups, authentication.getTenantIds());
            }
            return next.execute(command);
        }
    }
}
