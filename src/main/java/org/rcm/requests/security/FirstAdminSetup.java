package org.rcm.requests.security;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Camunda Admin's first-admin setup ({@code /camunda/api/admin/setup/**}) lets an anonymous visitor create an
 * administrator whenever no member of {@code camunda-admin} exists. It stays open only where that is its purpose: a
 * trial without production's profile and without a single user yet. In production the administrator comes from the
 * configuration ({@link ProductionAdminCheck}).
 */
@Component
class FirstAdminSetup implements AuthorizationManager<RequestAuthorizationContext> {

    static final String PATH = "/camunda/api/admin/setup/**";

    private final IdentityService identity;
    private final boolean production;

    FirstAdminSetup(IdentityService identity, Environment environment) {
        this.identity = identity;
        this.production = environment.acceptsProfiles(Profiles.of(ProductionAdminCheck.PRODUCTION_PROFILE));
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext request) {
        return new AuthorizationDecision(!production && identity.createUserQuery().count() == 0);
    }
}
