package org.rcm.requests.bench;

import java.util.Arrays;

/** Median and 95th percentile (nearest rank) of a sample. */
record Percentiles(long median, long p95) {

    static Percentiles of(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted[(sorted.length - 1) / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1]);
    }
}
