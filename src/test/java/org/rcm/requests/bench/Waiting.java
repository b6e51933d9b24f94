package org.rcm.requests.bench;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition of a lifecycle in progress, as a user refreshing Tasklist would, and gives up after a while. */
final class Waiting {

    private static final long POLL_MILLIS = 20;
    private static final Duration LIMIT = Duration.ofMinutes(2);

    private Waiting() {
    }

    static <T> T until(String what, Supplier<T> found) throws InterruptedException {
        long deadline = System.currentTimeMillis() + LIMIT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            T value = found.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException("Waited " + LIMIT + " for " + what);
    }
}
