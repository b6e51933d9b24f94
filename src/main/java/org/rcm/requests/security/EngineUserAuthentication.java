package org.rcm.requests.security;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * A user name and password (the login form, Tasklist's login form, HTTP Basic) checked against the engine's users,
 * the same users and passwords as always; the user's engine groups become the authorities. The client's address is
 * throttled first ({@link LoginThrottle}); every failed and throttled login is logged and counted
 * ({@code app.logins}, tag {@code outcome}).
 */
@Component
class EngineUserAuthentication implements AuthenticationProvider {

    private static final Logger LOG = LoggerFactory.getLogger(EngineUserAuthentication.class);

    private final IdentityService identity;
    private final EngineGroups groups;
    private final LoginThrottle throttle;
    private final MeterRegistry meters;

    EngineUserAuthentication(IdentityService identity, EngineGroups groups, LoginThrottle throttle,
                             MeterRegistry meters) {
        this.identity = identity;
        this.groups = groups;
        this.throttle = throttle;
        this.meters = meters;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String user = attempt.getName();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        Instant closedUntil = throttle.closedUntil(address);
        if (closedUntil != null) {
            count("throttled");
            LOG.warn("Login of '{}' from {} refused unchecked: too many failed logins from there, until {}",
                    printable(user), address, closedUntil);
            throw new LockedException("Too many failed logins from this address; try again in a moment");
        }
        if (user == null || user.isBlank() || password.isEmpty() || !identity.checkPassword(user, password)) {
            throttle.failed(address);
            count("failed");
            LOG.warn("Failed login of '{}' from {}", printable(user), address);
            throw new BadCredentialsException("Wrong user or password");
        }
        throttle.succeeded(address);
        count("success");
        List<String> memberships = groups.of(user);
        UsernamePasswordAuthenticationToken authenticated = UsernamePasswordAuthenticationToken.authenticated(user,
                null, EngineGroups.authorities(memberships));
        authenticated.setDetails(attempt.getDetails());
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private void count(String outcome) {
        meters.counter("app.logins", "outcome", outcome).increment();
    }

    /** A user name as typed by anyone: no line breaks or control characters into the log, and not too long. */
    private static String printable(String user) {
        if (user == null) {
            return "";
        }
        String cleaned = user.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }
}
