package org.rcm.requests.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Production (the {@code postgres} profile) does not start without an administrator: one configured
 * ({@code CAMUNDA_BPM_ADMIN_USER_ID} and its password), one already in {@code camunda-admin}, or single sign-on
 * mapping an identity provider's group to {@code camunda-admin}. Otherwise nobody could administer it, and Camunda's
 * first-admin setup would be the only way in.
 */
@Component
@Profile(ProductionAdminCheck.PRODUCTION_PROFILE)
class ProductionAdminCheck implements ApplicationRunner {

    static final String PRODUCTION_PROFILE = "postgres";

    private final IdentityService identity;
    private final Environment environment;
    private final OidcGroupMapping oidc;

    ProductionAdminCheck(IdentityService identity, Environment environment, OidcGroupMapping oidc) {
        this.identity = identity;
        this.environment = environment;
        this.oidc = oidc;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (environment.getProperty("app.demo.enabled", Boolean.class, false)) {
            return; // a trial on PostgreSQL with the demo users (ProductionSecretsCheck allows it), admin among them
        }
        String configured = environment.getProperty("camunda.bpm.admin-user.id");
        boolean adminExists = identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0;
        if ((configured == null || configured.isBlank()) && !adminExists && !oidc.grants(Groups.CAMUNDA_ADMIN)) {
            throw new IllegalStateException("Refusing to start the '" + PRODUCTION_PROFILE + "' profile without an "
                    + "administrator: set CAMUNDA_BPM_ADMIN_USER_ID and CAMUNDA_BPM_ADMIN_USER_PASSWORD (or map an "
                    + "identity provider's group to camunda-admin in app.security.oidc.group-mapping)");
        }
    }
}
