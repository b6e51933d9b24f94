package org.rcm.requests.logging;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.MDC;

/**
 * The request reference and Message-ID that log lines about a request or a message carry (structured logs show them
 * as fields: docs/operations.md). Opened around a piece of work, it gives back on close the values these keys had
 * before (the engine puts the reference there too, while it runs a step of a request).
 */
public final class LogContext implements AutoCloseable {

    /** A request's reference, {@code CRM-2026-0007}; the engine uses the same key for the business key. */
    public static final String REFERENCE = "reference";
    /** The Message-ID of the email being sent or read. */
    public static final String MESSAGE_ID = "messageId";

    private final Map<String, String> before = new HashMap<>();

    private LogContext() {
        before.put(REFERENCE, MDC.get(REFERENCE));
        before.put(MESSAGE_ID, MDC.get(MESSAGE_ID));
    }

    /** Remembers the keys' values, to give them back on {@link #close()}. */
    public static LogContext open() {
        return new LogContext();
    }

    /** Sets (or, with null, removes) a key for the rest of the work. */
    public static void set(String key, String value) {
        if (value == null || value.isBlank()) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    @Override
    public void close() {
        before.forEach(LogContext::set);
    }
}
