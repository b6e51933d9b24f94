package org.rcm.requests.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * A single-sign-on login: the provider's user, kept in the engine's identity service under the provider's user name
 * (so that Tasklist, Cockpit and the engine's authorizations see the same user and groups as for a password login),
 * with the groups that {@link OidcGroupMapping} gives; as for a password login, the user's engine groups are the
 * authorities (the mapped ones, and any that an administrator gave in Admin).
 */
@Component
class OidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger LOG = LoggerFactory.getLogger(OidcUsers.class);

    private final OidcUserService provider = new OidcUserService();
    private final OidcGroupMapping mapping;
    private final EngineUserDirectory directory;
    private final EngineGroups engineGroups;

    OidcUsers(OidcGroupMapping mapping, EngineUserDirectory directory, EngineGroups engineGroups) {
        this.mapping = mapping;
        this.directory = directory;
        this.engineGroups = engineGroups;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = provider.loadUser(request);
        String id = user.getName();
        if (!directory.validId(id)) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_name",
                    "The identity provider's user name '" + id + "' is not a valid user id here", null));
        }
        Set<String> groups = mapping.map(claimValues(user.getClaims().get(mapping.groupsClaim())));
        directory.provision(id, user.getGivenName(), user.getFamilyName(), user.getFullName(), user.getEmail(),
                groups, mapping.managed());
        // the engine's groups, not only the mapped ones: the webapps reload them from the engine anyway (Camunda's
        // authentication cache), and a group an administrator gave in Admin must count on the pages and in the REST
        // API as it does in Tasklist
        List<String> memberships = engineGroups.of(id);
        LOG.info("Single sign-on of '{}' through {}: provider's groups give {}; groups {}", id,
                request.getClientRegistration().getRegistrationId(), groups, memberships);
        List<GrantedAuthority> authorities = new ArrayList<>(EngineGroups.authorities(memberships));
        String nameAttribute = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint()
                .getUserNameAttributeName();
        return nameAttribute == null || nameAttribute.isBlank()
                ? new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo())
                : new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameAttribute);
    }

    private static List<String> claimValues(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim).split("[,\\s]+"));
    }
}
