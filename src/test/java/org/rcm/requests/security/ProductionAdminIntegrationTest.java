package org.rcm.requests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rcm.requests.AppNode;
import org.rcm.requests.TestPostgres;

/**
 * Production (the {@code postgres} profile, on a real PostgreSQL) without the demo users: refused without an
 * administrator, as the README's example used to start it, instead of leaving Camunda's first-admin setup to the
 * first visitor; started with one.
 */
class ProductionAdminIntegrationTest {

    private static final String MAILBOX = "secretaria-production@crm.example.org";

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void productionWithoutAnAdministratorDoesNotStart() throws Exception {
        String database = TestPostgres.createDatabase(postgres, "noadmin");
        assertThatThrownBy(() -> AppNode.start("noadmin", database, MAILBOX, false,
                Map.of("app.demo.enabled", "false", "app.mail.inbound.enabled", "false")).close())
                .hasStackTraceContaining("without an administrator")
                .hasStackTraceContaining("CAMUNDA_BPM_ADMIN_USER_ID");
    }

    @Test
    void productionWithAConfiguredAdministratorStarts() throws Exception {
        String database = TestPostgres.createDatabase(postgres, "withadmin");
        try (AppNode node = AppNode.start("withadmin", database, MAILBOX, false, Map.of("app.demo.enabled", "false",
                "app.mail.inbound.enabled", "false", "camunda.bpm.admin-user.id", "secretariat-admin",
                "camunda.bpm.admin-user.password", "Xk3-long-and-not-well-known"))) {
            assertThat(node.bean(IdentityService.class).createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN)
                    .userId("secretariat-admin").count()).isEqualTo(1);
        }
    }
}
