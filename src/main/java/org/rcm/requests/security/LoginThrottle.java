package org.rcm.requests.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Failed logins throttled per client address, never per user: a stranger who guesses at a user's password slows
 * down only themselves, and the user, from their own address, logs in as usual. The first {@code freeFailures}
 * failures of an address cost nothing; each further one closes the address for a delay that doubles up to
 * {@code maxDelay}; a success, or {@code forgetAfter} without failures, clears the address.
 */
@Component
class LoginThrottle {

    @ConfigurationProperties("app.security.login-throttle")
    record Settings(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

        Settings {
            freeFailures = freeFailures <= 0 ? 5 : freeFailures;
            firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
            maxDelay = maxDelay == null ? Duration.ofSeconds(30) : maxDelay;
            forgetAfter = forgetAfter == null ? Duration.ofMinutes(15) : forgetAfter;
        }
    }

    private record Failures(int count, Instant last, Instant closedUntil) {
    }

    /** Beyond this many addresses the oldest are forgotten: the map cannot be grown without end. */
    private static final int MAX_ADDRESSES = 100_000;

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    LoginThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Until when the address may not try again; {@code null} when it may. */
    Instant closedUntil(String address) {
        Failures failures = byAddress.get(address);
        Instant now = clock.instant();
        return failures != null && failures.closedUntil() != null && failures.closedUntil().isAfter(now)
                ? failures.closedUntil() : null;
    }

    void failed(String address) {
        Instant now = clock.instant();
        if (byAddress.size() >= MAX_ADDRESSES) {
            byAddress.entrySet().removeIf(entry -> entry.getValue().last().plus(settings.forgetAfter()).isBefore(now));
        }
        byAddress.compute(address, (key, before) -> {
            int count = before == null || before.last().plus(settings.forgetAfter()).isBefore(now) ? 1
                    : before.count() + 1;
            int beyond = count - settings.freeFailures();
            Instant closedUntil = beyond <= 0 ? null : now.plus(delay(beyond));
            return new Failures(count, now, closedUntil);
        });
    }

    void succeeded(String address) {
        byAddress.remove(address);
    }

    private Duration delay(int beyond) {
        Duration delay = settings.firstDelay().multipliedBy(1L << Math.min(beyond - 1, 20));
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }
}
