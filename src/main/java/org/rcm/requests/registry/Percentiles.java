package org.rcm.requests.registry;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles of durations, computed in Java so that the same numbers come out of H2 and PostgreSQL. Definition:
 * linear interpolation between the closest ranks (Excel's PERCENTILE.INC, NumPy's default): with the n values
 * sorted, the p-th percentile lies at rank h = (n − 1)·p, between x[⌊h⌋] and x[⌊h⌋ + 1]. So 1..10 has median 5.5
 * and 90th percentile 9.1.
 */
final class Percentiles {

    private Percentiles() {
    }

    /** The p-th percentile (0 ≤ p ≤ 1) of the values; null when there are none. */
    static Double of(Collection<Double> values, double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("percentile out of [0, 1]: " + p);
        }
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double rank = (sorted.length - 1) * p;
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    static Double median(Collection<Double> values) {
        return of(values, 0.5);
    }
}
