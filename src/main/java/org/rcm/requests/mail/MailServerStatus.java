package org.rcm.requests.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether one mail server (SMTP or the IMAP mailbox) answers, as the application last found it: from its own traffic
 * (a send, a fetch) and from the health check's probe. An outage is logged once when it starts, without a stack
 * trace, then again only after a back-off that doubles (from {@code app.mail.health.log-repeat} up to
 * {@code log-repeat-max}) while it lasts, and once when the server answers again; the stack trace is at DEBUG.
 */
public class MailServerStatus {

    private static final Logger LOG = LoggerFactory.getLogger(MailServerStatus.class);

    private final String name;
    private final String server;
    private final Clock clock;
    private final Duration firstRepeat;
    private final Duration maxRepeat;

    private Instant lastSuccess;
    private Instant lastFailure;
    private String lastError;
    private Throwable lastException;
    private Instant downSince;
    private int failures;
    private Duration repeat;
    private Instant nextLog;

    /**
     * @param name   what the log calls it: {@code SMTP}, {@code IMAP}
     * @param server where it is, {@code host:port}
     */
    public MailServerStatus(String name, String server, Clock clock, MailHealthProperties properties) {
        this.name = name;
        this.server = server;
        this.clock = clock;
        this.firstRepeat = properties.logRepeat();
        this.maxRepeat = properties.logRepeatMax();
    }

    /** What a health component shows. */
    public record Snapshot(boolean known, boolean up, String server, Instant lastSuccess, Instant lastFailure,
                           String error, Instant downSince, int failures) {
    }

    /** The server answered (a message sent or fetched, a probe). */
    public synchronized void succeeded() {
        Instant now = clock.instant();
        lastSuccess = now;
        if (downSince != null) {
            LOG.info("{} server {} answers again, after {} down since {} ({} failed attempts)", name, server,
                    Duration.between(downSince, now).withNanos(0), downSince, failures);
            downSince = null;
            failures = 0;
            lastError = null;
            lastException = null;
        }
    }

    /** The server could not be reached, or refused the login. */
    public synchronized void failed(Throwable error) {
        Instant now = clock.instant();
        lastFailure = now;
        lastError = reason(error);
        lastException = error;
        failures++;
        if (downSince == null) {
            downSince = now;
            repeat = firstRepeat;
            nextLog = now.plus(repeat);
            LOG.warn("{} server {} does not answer: {}. Mail waits and is tried again; logged again in {} if it "
                    + "stays so", name, server, lastError, repeat);
        } else if (!now.isBefore(nextLog)) {
            repeat = repeat.multipliedBy(2).compareTo(maxRepeat) > 0 ? maxRepeat : repeat.multipliedBy(2);
            nextLog = now.plus(repeat);
            LOG.warn("{} server {} still does not answer, since {} ({} failed attempts): {}; logged again in {}",
                    name, server, downSince, failures, lastError, repeat);
        }
        LOG.debug("{} server {} failed", name, server, error);
    }

    /** Whether {@code error} is, or is caused by, the failure reported last (and so logged here already). */
    public synchronized boolean reported(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause == lastException) {
                return true;
            }
        }
        return false;
    }

    public synchronized Snapshot snapshot() {
        boolean known = lastSuccess != null || lastFailure != null;
        return new Snapshot(known, downSince == null, server, lastSuccess, lastFailure, lastError, downSince,
                failures);
    }

    /** 1 when the server answered last time, 0 when it did not; 1 before anything was tried. */
    public synchronized double up() {
        return downSince == null ? 1 : 0;
    }

    public String name() {
        return name;
    }

    /** The exception's own words and those of its root cause (a refused connection, a timeout, a refused login). */
    static String reason(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        if (root == error) {
            return oneLine(top);
        }
        String cause = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return oneLine(top.contains(cause) ? top : top + " (" + cause + ")");
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
