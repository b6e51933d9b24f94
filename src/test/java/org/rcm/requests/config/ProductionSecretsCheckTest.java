package org.rcm.requests.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ProductionSecretsCheckTest {

    private final ProductionSecretsCheck check = new ProductionSecretsCheck();

    private static MockEnvironment production() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("postgres");
        environment.setProperty("app.demo.enabled", "false");
        return environment;
    }

    @Test
    void productionWithoutAdminUserStarts() {
        assertThat(ProductionSecretsCheck.problems(production())).isEmpty();
    }

    @Test
    void productionWithAStrongAdminPasswordStarts() {
        MockEnvironment environment = production();
        environment.setProperty("camunda.bpm.admin-user.id", "ops");
        environment.setProperty("camunda.bpm.admin-user.password", "x7-Long-Random-Secret");
        check.postProcessEnvironment(environment, new SpringApplication());
        assertThat(ProductionSecretsCheck.problems(environment)).isEmpty();
    }

    @Test
    void productionRefusesAnEmptyAdminPassword() {
        MockEnvironment environment = production();
        environment.setProperty("camunda.bpm.admin-user.id", "ops");
        environment.setProperty("camunda.bpm.admin-user.password", "");
        assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is empty");
    }

    @Test
    void productionRefusesTheDemoPassword() {
        MockEnvironment environment = production();
        environment.setProperty("camunda.bpm.admin-user.id", "admin");
        environment.setProperty("camunda.bpm.admin-user.password", "demo");
        assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("well-known");
    }

    @Test
    void productionRefusesDemoUsers() {
        MockEnvironment environment = production();
        environment.setProperty("app.demo.enabled", "true");
        assertThat(ProductionSecretsCheck.problems(environment)).singleElement().asString()
                .contains("app.demo.enabled");
    }

    @Test
    void theDefaultRunIsNotChecked() {
        MockEnvironment environment = new MockEnvironment();
        environment.setProperty("camunda.bpm.admin-user.id", "admin");
        environment.setProperty("camunda.bpm.admin-user.password", "demo");
        environment.setProperty("app.demo.enabled", "true");
        assertThat(ProductionSecretsCheck.problems(environment)).isEmpty();
    }

    @Test
    void demoProfileNamedBesidePostgresAllowsTheDemoUsers() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("postgres", "demo");
        environment.setProperty("app.demo.enabled", "true");

        assertThat(ProductionSecretsCheck.problems(environment)).as("problems of a trial on PostgreSQL").isEmpty();
    }
}
