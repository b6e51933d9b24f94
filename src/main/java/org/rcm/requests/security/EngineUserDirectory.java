package org.rcm.requests.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a single-sign-on user in the engine's identity service: created on the first login (with a random password
 * nobody knows, so the user logs in only through the provider), names and email refreshed, and the memberships of
 * the groups single sign-on manages set to what the provider says today.
 */
@Component
class EngineUserDirectory {

    private final IdentityService identity;
    private final Pattern userIds;
    private final SecureRandom random = new SecureRandom();

    EngineUserDirectory(IdentityService identity, ProcessEngineConfigurationImpl configuration) {
        this.identity = identity;
        String pattern = configuration.getUserResourceWhitelistPattern() != null
                ? configuration.getUserResourceWhitelistPattern() : configuration.getGeneralResourceWhitelistPattern();
        this.userIds = Pattern.compile(pattern == null ? "[a-zA-Z0-9]+" : pattern);
    }

    boolean validId(String id) {
        return id != null && userIds.matcher(id).matches();
    }

    @Transactional
    public void provision(String id, String givenName, String familyName, String fullName, String email,
                          Set<String> groups, Set<String> managed) {
        User user = identity.createUserQuery().userId(id).singleResult();
        boolean created = user == null;
        if (created) {
            user = identity.newUser(id);
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            user.setPassword(Base64.getEncoder().encodeToString(secret));
        }
        user.setFirstName(givenName != null ? givenName : fullName != null ? fullName : id);
        user.setLastName(familyName != null ? familyName : "");
        user.setEmail(email);
        identity.saveUser(user);
        for (String group : managed) {
            boolean member = identity.createUserQuery().userId(id).memberOfGroup(group).count() > 0;
            if (groups.contains(group) && !member) {
                ensureGroup(group);
                identity.createMembership(id, group);
            } else if (!groups.contains(group) && member) {
                identity.deleteMembership(id, group);
            }
        }
    }

    private void ensureGroup(String id) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(id);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }
}
