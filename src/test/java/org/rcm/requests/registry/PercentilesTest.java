package org.rcm.requests.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static final List<Double> ONE_TO_TEN = IntStream.rangeClosed(1, 10).mapToObj(i -> (double) i).toList();

    @Test
    void medianOfOneToTenLiesBetweenTheTwoMiddleValues() {
        assertThat(Percentiles.median(ONE_TO_TEN)).as("median of 1..10").isCloseTo(5.5, within(1e-9));
    }

    @Test
    void ninetiethPercentileOfOneToTenIsInterpolatedBetweenNineAndTen() {
        assertThat(Percentiles.of(ONE_TO_TEN, 0.9)).as("p90 of 1..10 (rank 8.1 of 0..9)").isCloseTo(9.1, within(1e-9));
    }

    @Test
    void orderOfTheValuesDoesNotMatter() {
        assertThat(Percentiles.median(List.of(7.0, 1.0, 3.0))).as("median of 7, 1, 3").isEqualTo(3.0);
        assertThat(Percentiles.of(List.of(4.0, 2.0), 0.9)).as("p90 of 4, 2").isCloseTo(3.8, within(1e-9));
    }

    @Test
    void aSingleValueIsEveryPercentile() {
        assertThat(Percentiles.median(List.of(3.5))).as("median of one value").isEqualTo(3.5);
        assertThat(Percentiles.of(List.of(3.5), 0.9)).as("p90 of one value").isEqualTo(3.5);
        assertThat(Percentiles.of(ONE_TO_TEN, 1.0)).as("p100 is the maximum").isEqualTo(10.0);
        assertThat(Percentiles.of(ONE_TO_TEN, 0.0)).as("p0 is the minimum").isEqualTo(1.0);
    }

    @Test
    void noValuesHaveNoPercentile() {
        assertThat(Percentiles.median(List.of())).as("median of nothing").isNull();
    }

    @Test
    void aPercentileOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> Percentiles.of(ONE_TO_TEN, 90)).as("90 instead of 0.9")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
