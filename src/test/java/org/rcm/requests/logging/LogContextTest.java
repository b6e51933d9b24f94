package org.rcm.requests.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** A piece of work's log context is given back as it was: the engine's reference stays, nothing leaks to the next. */
class LogContextTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void closingGivesBackWhatTheKeysHeldBefore() {
        MDC.put(LogContext.REFERENCE, "CRM-2026-0001");

        try (LogContext context = LogContext.open()) {
            LogContext.set(LogContext.REFERENCE, "CRM-2026-0002");
            LogContext.set(LogContext.MESSAGE_ID, "<a@example.org>");
            assertThat(MDC.get(LogContext.REFERENCE)).isEqualTo("CRM-2026-0002");
            assertThat(MDC.get(LogContext.MESSAGE_ID)).isEqualTo("<a@example.org>");
        }

        assertThat(MDC.get(LogContext.REFERENCE)).as("the reference set before").isEqualTo("CRM-2026-0001");
        assertThat(MDC.get(LogContext.MESSAGE_ID)).as("the Message-ID of the work that ended").isNull();
    }

    @Test
    void aBlankValueRemovesTheKey() {
        try (LogContext context = LogContext.open()) {
            LogContext.set(LogContext.REFERENCE, "CRM-2026-0003");
            LogContext.set(LogContext.REFERENCE, null);
            assertThat(MDC.get(LogContext.REFERENCE)).isNull();
        }
    }
}
