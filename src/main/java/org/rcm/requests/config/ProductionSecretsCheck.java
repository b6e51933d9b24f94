package org.rcm.requests.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start production (the {@code postgres} profile) with the demo's secrets: an admin user
 * ({@code camunda.bpm.admin-user.id}, from {@code CAMUNDA_BPM_ADMIN_USER_ID}) whose password is empty or a
 * well-known one, or the demo users switched on (unless the {@code demo} profile is named too, as for a trial on
 * PostgreSQL). Runs before any bean, so the starter never creates such a user.
 */
public class ProductionSecretsCheck implements EnvironmentPostProcessor, Ordered {

    static final String PRODUCTION_PROFILE = "postgres";
    /** Added to {@code postgres} on purpose (a trial on PostgreSQL, the tests), it allows the demo users. */
    static final String DEMO_PROFILE = "demo";
    static final Set<String> FORBIDDEN_PASSWORDS = Set.of("demo", "admin", "password", "camunda", "changeme");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start the '" + PRODUCTION_PROFILE + "' profile: "
                    + String.join("; ", problems));
        }
    }

    /** What is wrong with the environment for production; empty outside the production profile. */
    static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        if (!environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE))) {
            return problems;
        }
        String adminId = environment.getProperty("camunda.bpm.admin-user.id");
        if (adminId != null && !adminId.isBlank()) {
            String password = environment.getProperty("camunda.bpm.admin-user.password");
            if (password == null || password.isBlank()) {
                problems.add("camunda.bpm.admin-user.password (CAMUNDA_BPM_ADMIN_USER_PASSWORD) is empty");
            } else if (FORBIDDEN_PASSWORDS.contains(password.trim().toLowerCase(Locale.ROOT))
                    || password.equalsIgnoreCase(adminId)) {
                problems.add("camunda.bpm.admin-user.password (CAMUNDA_BPM_ADMIN_USER_PASSWORD) is a well-known "
                        + "password");
            }
        }
        if (environment.getProperty("app.demo.enabled", Boolean.class, false)
                && !environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
            problems.add("app.demo.enabled is true: the demo users (password 'demo') must not exist in production");
        }
        return problems;
    }

    /** After the configuration files are read (profiles known), before anything else. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
