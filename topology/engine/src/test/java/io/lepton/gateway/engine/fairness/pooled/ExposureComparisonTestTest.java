package io.lepton.gateway.engine.fairness.pooled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded ranking streams with a known exposure ratio, as the map sides would flush them: batches of 0–3 impressions
 * per group (one per user, so independent), ranks and relevance scores drawn per group. The oracle is closed form: the
 * DCG position weights 1/log2(1+k) and, with equal relevance distributions, ratio = Ē_SMALL / Ē_LARGE. SMALL's ranks
 * are uniform on 1..10 with probability q and 20 otherwise, q chosen for the ratio wanted; LARGE's are uniform on
 * 1..10. Ville's inequality bounds the share of runs that <em>ever</em> cross 1/α under H0 (ratio ≥ c) by α.
 */
class ExposureComparisonTestTest {

    private static final double THRESHOLD = 0.8;
    private static final double ALPHA = 0.05;
    private static final int RUNS = 400;
    private static final int BATCHES = 3_000;
    /** Mean DCG weight of a rank uniform on 1..10: Σ 1/log2(1+k) / 10. */
    private static final double UNIFORM_MEAN_WEIGHT = meanWeight();
    private static final double WEIGHT_20 = 1 / log2(21);

    @Test
    void positionWeightsAreTheDcgDiscounts() {
        // 1/log2(2) = 1, 1/log2(4) = 1/2, 1/log2(8) = 1/3, 1/log2(16) = 1/4: exact in fixed point up to rounding
        assertThat(ExposureUnits.exposure(1)).isEqualTo(ExposureUnits.ONE);
        assertThat(ExposureUnits.exposure(3)).isEqualTo(ExposureUnits.ONE / 2);
        assertThat((double) ExposureUnits.exposure(7) / ExposureUnits.ONE).isCloseTo(1 / 3.0,
                offset(ExposureUnits.MAX_MEAN_ERROR));
        assertThat(ExposureUnits.exposure(15)).isEqualTo(ExposureUnits.ONE / 4);
        assertThat(ExposureUnits.relevance(1.7)).as("relevance is clamped to 1").isEqualTo(ExposureUnits.ONE);
        assertThat(ExposureUnits.relevance(-0.2)).isZero();
        assertThatThrownBy(() -> ExposureUnits.exposure(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void atTheThresholdTheTestRarelyEverRaisesAnAlarm() {
        int alarms = alarms(THRESHOLD, 1.0, new SplittableRandom(11));
        // Ville: expected at most α·RUNS = 20; three binomial standard deviations above that would mean a bug
        assertThat(alarms).isLessThanOrEqualTo((int) (ALPHA * RUNS + 3 * Math.sqrt(RUNS * ALPHA * (1 - ALPHA))));
    }

    @Test
    void aFairRankingRaisesNoAlarm() {
        assertThat(alarms(1.0, 1.0, new SplittableRandom(12))).isZero();
    }

    @Test
    void aRealExposureBiasIsDetectedInEveryRunAgainstEitherGroup() {
        SplittableRandom random = new SplittableRandom(13);
        long[] smallUnderExposed = detectionTimes(0.6, 1.0, random);
        long[] largeUnderExposed = detectionTimes(1.0, 0.6, random);
        assertThat(smallUnderExposed).as("never detected in a run").doesNotContain(0L);
        assertThat(largeUnderExposed).as("never detected in a run").doesNotContain(0L);
        Arrays.sort(smallUnderExposed);
        // ratio 0.6 against c = 0.8 at α = 0.05: well under a thousand batches in the median
        assertThat(smallUnderExposed[smallUnderExposed.length / 2]).isLessThan(1_000);
    }

    @Test
    void aBatchWithOneGroupIsNotBetOnAndNothingIsCarriedToTheNext() {
        ExposureComparisonTest test = new ExposureComparisonTest(THRESHOLD);
        test.offer(3, 3 * ExposureUnits.exposure(10), 3 * ExposureUnits.relevance(0.9), 0, 0, 0);
        assertThat(test.below().observations()).isZero();
        test.offer(0, 0, 0, 1, ExposureUnits.exposure(1), ExposureUnits.relevance(0.9));
        assertThat(test.below().observations()).as("the earlier lone group is not paired with this one").isZero();
        test.offer(1, ExposureUnits.exposure(10), ExposureUnits.relevance(0.9), 1, ExposureUnits.exposure(1),
                ExposureUnits.relevance(0.9));
        assertThat(test.below().observations()).isEqualTo(1);
    }

    /** Runs whose e-value ever reaches 1/α, SMALL and LARGE exposure scaled by the given ratios to uniform ranks. */
    private static int alarms(double smallRatio, double largeRatio, SplittableRandom random) {
        int alarms = 0;
        for (long t : detectionTimes(smallRatio, largeRatio, random)) {
            alarms += t > 0 ? 1 : 0;
        }
        return alarms;
    }

    /** Per run, the batch at which the e-value first reached 1/α, or 0 when it never did. */
    private static long[] detectionTimes(double smallRatio, double largeRatio, SplittableRandom random) {
        long[] times = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            ExposureComparisonTest test = new ExposureComparisonTest(THRESHOLD);
            for (int batch = 1; batch <= BATCHES; batch++) {
                long[] small = impressions(random, smallRatio);
                long[] large = impressions(random, largeRatio);
                if (test.offer(small[0], small[1], small[2], large[0], large[1], large[2]) >= Math.log(1 / ALPHA)) {
                    times[run] = batch;
                    break;
                }
            }
        }
        return times;
    }

    /** 0–3 impressions: count, fixed-point exposure sum and relevance sum; mean exposure = ratio × uniform mean. */
    private static long[] impressions(SplittableRandom random, double ratio) {
        double uniformShare = (ratio * UNIFORM_MEAN_WEIGHT - WEIGHT_20) / (UNIFORM_MEAN_WEIGHT - WEIGHT_20);
        int n = random.nextInt(4);
        long exposure = 0;
        long relevance = 0;
        for (int i = 0; i < n; i++) {
            int rank = random.nextDouble() < uniformShare ? 1 + random.nextInt(10) : 20;
            exposure += ExposureUnits.exposure(rank);
            relevance += ExposureUnits.relevance(random.nextDouble());
        }
        return new long[] {n, exposure, relevance};
    }

    private static double meanWeight() {
        double sum = 0;
        for (int k = 1; k <= 10; k++) {
            sum += 1 / log2(1 + k);
        }
        return sum / 10;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
