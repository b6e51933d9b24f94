package org.rcm.requests.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** A value read again only when it is older than {@code refresh}: one read serves every gauge of a scrape. */
final class Cached<T> {

    private final Supplier<T> read;
    private final Duration refresh;
    private final Clock clock;
    private T value;
    private Instant readAt;

    Cached(Supplier<T> read, Duration refresh, Clock clock) {
        this.read = read;
        this.refresh = refresh;
        this.clock = clock;
    }

    synchronized T get() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(refresh))) {
            value = read.get();
            readAt = now;
        }
        return value;
    }
}
