package io.lepton.gateway.engine.dp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Empirical privacy audit: run the field noiser many times on two neighbouring inputs, histogram the outputs, and
 * estimate the privacy loss. The estimate is a lower bound on the true loss (bucketing only hides loss), so a
 * correct mechanism must stay within its ε (or (ε, δ)) plus sampling tolerance, and a broken one must be caught.
 */
class PrivacyAuditTest {

    private static final DpBounds UNIT = new DpBounds(0, 1);
    private static final int RUNS = 300_000;
    private static final double BUCKET_WIDTH = 0.25;
    /** Only buckets with this many hits under both inputs enter the pure-ε estimate. */
    private static final int MIN_COUNT = 2_000;
    /**
     * A bucket's log count ratio has sd at most √(1/c + 1/c') <= √(2/2000) = 0.032; 5 sd makes a false alarm over
     * the ~50 eligible buckets less likely than 10^-4.
     */
    private static final double EPSILON_TOLERANCE = 5 * Math.sqrt(2.0 / MIN_COUNT);
    /**
     * The estimated δ sums positive parts of P̂(b|x) - e^ε P̂(b|x'), which for a correct mechanism are pure sampling
     * noise in the tail buckets where the true ratio approaches e^ε. Those buckets hold at most ~5% of the mass, so
     * their summed noise is of order √(0.05 · buckets / RUNS) ≈ 0.004; 0.01 leaves a wide margin while a broken
     * mechanism's δ is tens of times larger.
     */
    private static final double DELTA_TOLERANCE = 0.01;

    @Test
    void laplaceFieldNoiseStaysWithinEpsilon() {
        double epsilon = 1;
        Histograms histograms = run(new FieldNoiser(UNIT, Mechanism.LAPLACE, epsilon, 0, false,
                SecureRandomBits.seeded(101)));

        double loss = histograms.maxLogRatio(MIN_COUNT);
        assertThat(loss).isLessThanOrEqualTo(epsilon + EPSILON_TOLERANCE);
        // The audit has power: Laplace tails realize the full ε, so the estimate must come close to it.
        assertThat(loss).isGreaterThan(epsilon - EPSILON_TOLERANCE);
    }

    @Test
    void theAuditCatchesALaplaceMechanismWithHalfTheScale() {
        double claimedEpsilon = 1;
        // Deliberately broken: noise calibrated to 2ε, i.e. half the scale the claim needs.
        Histograms histograms = run(new FieldNoiser(UNIT, Mechanism.LAPLACE, 2 * claimedEpsilon, 0, false,
                SecureRandomBits.seeded(102)));

        assertThat(histograms.maxLogRatio(MIN_COUNT)).isGreaterThan(claimedEpsilon + EPSILON_TOLERANCE);
    }

    @Test
    void gaussianFieldNoiseStaysWithinEpsilonDelta() {
        double epsilon = 1;
        double delta = 1e-5;
        Histograms histograms = run(new FieldNoiser(UNIT, Mechanism.GAUSSIAN, epsilon, delta, false,
                SecureRandomBits.seeded(103)));

        assertThat(histograms.estimatedDelta(epsilon)).isLessThanOrEqualTo(delta + DELTA_TOLERANCE);
    }

    @Test
    void theAuditCatchesAGaussianMechanismWithAQuarterOfTheSigma() {
        double epsilon = 1;
        double delta = 1e-5;
        // Deliberately broken: sensitivity declared as 1/4 of the real one, so σ is a quarter of what (ε, δ) needs.
        NoiseSampler broken = NoiseSampler.of(NoiseSpec.gaussian(epsilon, delta, 0.25), SecureRandomBits.seeded(104));
        Histograms histograms = new Histograms(BUCKET_WIDTH);
        for (int i = 0; i < RUNS; i++) {
            histograms.addFirst(broken.addNoise(0.0));
            histograms.addSecond(broken.addNoise(1.0));
        }

        assertThat(histograms.estimatedDelta(epsilon)).isGreaterThan(delta + DELTA_TOLERANCE);
    }

    private static Histograms run(FieldNoiser noiser) {
        Histograms histograms = new Histograms(BUCKET_WIDTH);
        for (int i = 0; i < RUNS; i++) {
            histograms.addFirst(noiser.noise(0.0));
            histograms.addSecond(noiser.noise(1.0));
        }
        return histograms;
    }

    /** Output histograms under the two neighbouring inputs, on buckets of fixed width with open-ended extremes. */
    private static final class Histograms {

        private static final int BUCKETS = 400;
        private final double width;
        private final long[] first = new long[BUCKETS];
        private final long[] second = new long[BUCKETS];

        Histograms(double width) {
            this.width = width;
        }

        void addFirst(double output) {
            first[bucket(output)]++;
        }

        void addSecond(double output) {
            second[bucket(output)]++;
        }

        private int bucket(double output) {
            double index = Math.floor(output / width) + BUCKETS / 2.0;
            return (int) Math.max(0, Math.min(BUCKETS - 1, index));
        }

        /** max |ln(P̂[b | x] / P̂[b | x'])| over buckets where both counts reach {@code minCount}. */
        double maxLogRatio(int minCount) {
            double max = 0;
            for (int b = 0; b < BUCKETS; b++) {
                if (first[b] >= minCount && second[b] >= minCount) {
                    max = Math.max(max, Math.abs(Math.log((double) first[b] / second[b])));
                }
            }
            return max;
        }

        /** max over both directions of Σ_b max(0, P̂[b | x] - e^ε P̂[b | x']): the δ the histograms exhibit. */
        double estimatedDelta(double epsilon) {
            return Math.max(deltaOneWay(first, second, epsilon), deltaOneWay(second, first, epsilon));
        }

        private static double deltaOneWay(long[] p, long[] q, double epsilon) {
            double factor = Math.exp(epsilon);
            double delta = 0;
            for (int b = 0; b < BUCKETS; b++) {
                delta += Math.max(0, (p[b] - factor * q[b]) / RUNS);
            }
            return delta;
        }
    }
}
