package org.rcm.requests.security;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * A user's groups in the engine's identity service, as Spring Security authorities of the same names (no
 * {@code ROLE_} prefix: {@code hasAuthority("secretariat")}, {@code isUserInRole("secretariat")}).
 */
@Component
public class EngineGroups {

    private final IdentityService identity;

    EngineGroups(IdentityService identity) {
        this.identity = identity;
    }

    List<String> of(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    static List<GrantedAuthority> authorities(Collection<String> groups) {
        return groups.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    /** The groups an authenticated user carries. */
    public static List<String> of(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(name -> !name.startsWith("OIDC_") && !name.startsWith("SCOPE_") && !name.startsWith("FACTOR_"))
                .toList();
    }
}
