package org.rcm.requests.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A stranger cannot lock a user out (user ids are predictable: delegate-hn). The engine's own login delay is
 * shortened to one second here, as an operator might, so that every paced wrong password counts with the engine;
 * time passes on the engine's clock instead of the test's. Requests come through a proxy's
 * {@code X-Forwarded-For}, so that each attempt can come from an address of its own.
 * <p>
 * An application of its own (own database, no mailbox reading): the engine's login settings differ.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:lockout;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "app.mail.inbound.enabled=false",
        "server.forward-headers-strategy=native",
        "camunda.bpm.generic-properties.properties.loginDelayBase=1",
        "camunda.bpm.generic-properties.properties.loginDelayMaxTime=1"})
@DirtiesContext
class LoginLockoutIntegrationTest extends IntegrationTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    private final Instant start = Instant.now();

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void twelvePacedWrongPasswordsFollowedByAMinuteLeaveTheDelegateAbleToLogIn() throws Exception {
        for (int attempt = 0; attempt < 12; attempt++) {
            // two seconds apart: the engine's one-second delay has passed, so each one counts
            engineTime(2L * attempt);
            assertThat(apiCall("delegate-hn", "guess-" + attempt, "198.51.100." + (attempt + 1)))
                    .as("wrong password " + (attempt + 1)).isEqualTo(401);
        }
        assertThat(engineAttempts("delegate-hn")).as("every attempt counted with the engine").isEqualTo(12);

        engineTime(2L * 12 + 60);
        assertThat(apiCall("delegate-hn", "demo", "203.0.113.10")).as("delegate-hn logs in a minute later")
                .isEqualTo(403); // authenticated: /api is the Secretariat's, a delegate is refused, not unknown
        assertThat(engineCall("delegate-hn", "demo", "203.0.113.10")).as("and works in Tasklist's API")
                .isEqualTo(200);
    }

    @Test
    void aStrangerGuessingFromOneAddressIsSlowedDownAloneWhileTheUserLogsIn() throws Exception {
        String stranger = "192.0.2.66";
        double throttledBefore = meters.counter("app.logins", "outcome", "throttled").count();
        double failedBefore = meters.counter("app.logins", "outcome", "failed").count();
        // five failures cost nothing, the sixth closes the address for a second
        for (int attempt = 0; attempt < 6; attempt++) {
            assertThat(apiCall("officer1", "guess-" + attempt, stranger)).isEqualTo(401);
        }
        assertThat(apiCall("officer1", "demo", stranger)).as("the right password, from the guessing address, "
                + "is not even checked").isEqualTo(401);
        assertThat(meters.counter("app.logins", "outcome", "failed").count() - failedBefore).isEqualTo(6);
        assertThat(meters.counter("app.logins", "outcome", "throttled").count() - throttledBefore).isEqualTo(1);

        engineTime(2);
        assertThat(apiCall("officer1", "demo", "203.0.113.20")).as("officer1 from their own address").isEqualTo(200);
    }

    private void engineTime(long secondsAfterStart) {
        ClockUtil.setCurrentTime(Date.from(start.plusSeconds(secondsAfterStart)));
    }

    private int engineAttempts(String user) {
        return jdbc.sql("select ATTEMPTS_ from ACT_ID_USER where ID_ = ?").param(user).query(Integer.class).single();
    }

    private int apiCall(String user, String password, String address) throws Exception {
        return call("/api/directory", user, password, address);
    }

    private int engineCall(String user, String password, String address) throws Exception {
        return call("/engine-rest/task/count", user, password, address);
    }

    private int call(String path, String user, String password, String address) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials).header("X-Forwarded-For", address).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
