package io.lepton.gateway.engine.fairness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ProportionIntervalsTest {

    /** Published values are rounded to 4 decimals, so they are matched to half a unit in the last place. */
    private static final double FOUR_DECIMALS = 5e-5;

    /**
     * Wilson score intervals (method 3) from Newcombe (1998), "Two-sided confidence intervals for the single
     * proportion: comparison of seven methods", Statistics in Medicine 17:857–872, Table II, 95 %.
     */
    @ParameterizedTest
    @CsvSource({
        "81, 263, 0.2553, 0.3662",
        "15, 148, 0.0624, 0.1605",
        " 0,  20, 0.0000, 0.1611",
        " 1,  29, 0.0061, 0.1718",
        "29,  29, 0.8830, 1.0000",
    })
    void wilsonMatchesNewcombe1998TableII(long x, long n, double low, double high) {
        ConfidenceInterval ci = ProportionIntervals.wilson(x, n, 0.95);
        assertThat(ci.low()).isCloseTo(low, within(FOUR_DECIMALS));
        assertThat(ci.high()).isCloseTo(high, within(FOUR_DECIMALS));
    }

    @Test
    void wilsonIsExactAtTheBoundsAndMatchesTheClosedFormToFullPrecision() {
        // (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n) for 81/263, evaluated independently in Python/SciPy.
        ConfidenceInterval ci = ProportionIntervals.wilson(81, 263, 0.95);
        assertThat(ci.low()).isCloseTo(0.2552885198782742, within(1e-12));
        assertThat(ci.high()).isCloseTo(0.36620957698280004, within(1e-12));
        assertThat(ProportionIntervals.wilson(0, 20, 0.95).low()).isEqualTo(0.0);
        assertThat(ProportionIntervals.wilson(29, 29, 0.95).high()).isEqualTo(1.0);
        assertThat(ProportionIntervals.wilson(0, 0, 0.95)).isEqualTo(new ConfidenceInterval(0, 1));
    }

    /**
     * Method 10 (hybrid score, no continuity correction) from Newcombe (1998), "Interval estimation for the
     * difference between independent proportions: comparison of eleven methods", Statistics in Medicine
     * 17:873–890, Table II, examples (a)–(h), 95 %.
     */
    @ParameterizedTest
    @CsvSource({
        "56, 70, 48, 80,  0.0524, 0.3339",
        " 9, 10,  3, 10,  0.1705, 0.8090",
        " 6,  7,  2,  7,  0.0582, 0.8062",
        " 5, 56,  0, 29, -0.0381, 0.1926",
        " 0, 10,  0, 20, -0.1611, 0.2775",
        "10, 10,  0, 20,  0.6791, 1.0000",
        "10, 10,  0, 10,  0.6075, 1.0000",
    })
    void newcombeMatchesNewcombe1998TableII(long x1, long n1, long x2, long n2, double low, double high) {
        ConfidenceInterval ci = ProportionIntervals.newcombeDifference(x1, n1, x2, n2, 0.95);
        assertThat(ci.low()).isCloseTo(low, within(FOUR_DECIMALS));
        assertThat(ci.high()).isCloseTo(high, within(FOUR_DECIMALS));
    }

    @Test
    void newcombeOfTheFirstExampleToFullPrecision() {
        // d = 56/70 − 48/80 = 0.8 − 0.6 = 0.2; L = d − √((p1−l1)² + (u2−p2)²), U = d + √((u1−p1)² + (p2−l2)²).
        ConfidenceInterval ci = ProportionIntervals.newcombeDifference(56, 70, 48, 80, 0.95);
        assertThat(ci.low()).isCloseTo(0.05243147240236498, within(1e-12));
        assertThat(ci.high()).isCloseTo(0.333872654036906, within(1e-12));
    }

    @Test
    void katzRatioIntervalAroundTheDisparateImpact() {
        // p1/p2 = 0.55/0.80 = 0.6875; se = √(1/550 − 1/1000 + 1/800 − 1/1000) = √0.00106818… = 0.0326830…;
        // exp(ln 0.6875 ± 1.959964 × 0.0326830) = [0.644841…, 0.732981…].
        ConfidenceInterval ci = ProportionIntervals.katzRatio(550, 1000, 800, 1000, 0.95);
        assertThat(ci.low()).isCloseTo(0.6448412914885067, within(1e-12));
        assertThat(ci.high()).isCloseTo(0.7329807446247019, within(1e-12));
    }

    @Test
    void katzFallsBackToTheHalfCorrectionWhenACountIsZero() {
        // 0/50 vs 10/50 → (0.5/50.5)/(10.5/50.5) = 0.047619…, se = √(1/0.5 − 1/50.5 + 1/10.5 − 1/50.5) = 1.43375…
        ConfidenceInterval ci = ProportionIntervals.katzRatio(0, 50, 10, 50, 0.95);
        assertThat(ci.low()).isCloseTo(0.002866632071761317, within(1e-12));
        assertThat(ci.high()).isCloseTo(0.7910236261160233, within(1e-12));
        ConfidenceInterval bothZero = ProportionIntervals.katzRatio(0, 100, 0, 100, 0.95);
        assertThat(bothZero.low()).isLessThan(1.0);
        assertThat(bothZero.high()).isGreaterThan(1.0).isFinite();
        assertThat(ProportionIntervals.katzRatio(1, 1, 0, 0, 0.95).high()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> ProportionIntervals.wilson(5, 4, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProportionIntervals.newcombeDifference(-1, 4, 1, 4, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /*
     * Properties run as seeded loops over many random counts: a failure names the seed and the try, and a rerun
     * replays the same inputs.
     */
    private static final long SEED = 19980415L;
    private static final int TRIES = 5000;

    @Test
    void wilsonContainsTheEstimateWithinTheUnitInterval() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int attempt = 0; attempt < TRIES; attempt++) {
            int n = trials(random, 5000);
            int x = successes(random, n);
            ConfidenceInterval ci = ProportionIntervals.wilson(x, n, 0.95);
            double p = (double) x / n;
            String input = String.format("seed %d, try %d, x=%d n=%d", SEED, attempt, x, n);
            assertThat(ci.low()).as(input).isBetween(0.0, p);
            assertThat(ci.high()).as(input).isBetween(p, 1.0);
        }
    }

    @Test
    void newcombeContainsTheDifferenceWithinMinusOneToOne() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int attempt = 0; attempt < TRIES; attempt++) {
            int n1 = trials(random, 2000);
            int x1 = successes(random, n1);
            int n2 = trials(random, 2000);
            int x2 = successes(random, n2);
            double d = (double) x1 / n1 - (double) x2 / n2;
            ConfidenceInterval ci = ProportionIntervals.newcombeDifference(x1, n1, x2, n2, 0.95);
            String input = String.format("seed %d, try %d, x1=%d n1=%d x2=%d n2=%d", SEED, attempt, x1, n1, x2, n2);
            assertThat(ci.low()).as(input).isBetween(-1.0, d + 1e-12);
            assertThat(ci.high()).as(input).isBetween(d - 1e-12, 1.0);
        }
    }

    /** A sample size in [1, max]: the edges 1, 2 and max often, otherwise uniform. */
    private static int trials(SplittableRandom random, int max) {
        if (random.nextInt(10) == 0) {
            return new int[] {1, 2, max}[random.nextInt(3)];
        }
        return 1 + random.nextInt(max);
    }

    /** A success count in [0, n]: the edges 0, 1, n−1 and n often (where the intervals clamp), otherwise uniform. */
    private static int successes(SplittableRandom random, int n) {
        if (random.nextInt(5) == 0) {
            return new int[] {0, Math.min(1, n), Math.max(0, n - 1), n}[random.nextInt(4)];
        }
        return random.nextInt(n + 1);
    }
}
