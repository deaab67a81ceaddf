package io.lepton.gateway.engine.fairness.pooled;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded simulations of the count-fed comparison: level at the null boundary, power away from it. */
class ComparisonTestTest {

    private static final double ALPHA = 0.05;

    @Test
    void ratioExactlyAtTheThresholdRarelyRejectsWhateverTheBatching() {
        SplittableRandom random = new SplittableRandom(11);
        int runs = 400;
        int rejected = 0;
        for (int run = 0; run < runs; run++) {
            ComparisonTest test = new ComparisonTest(ComparisonTest.Form.RATIO, 0.8, run);
            if (feed(test, random, 0.64, 0.8, 4_000, 1 + run % 7) >= Math.log(1 / ALPHA)) {
                rejected++;
            }
        }
        assertThat(rejected).isLessThanOrEqualTo((int) (ALPHA * runs));
    }

    @Test
    void differenceAtItsBoundOnEitherSideRarelyRejects() {
        SplittableRandom random = new SplittableRandom(12);
        int runs = 400;
        int rejected = 0;
        for (int run = 0; run < runs; run++) {
            ComparisonTest test = new ComparisonTest(ComparisonTest.Form.DIFFERENCE, 0.1, run);
            double group = run % 2 == 0 ? 0.4 : 0.6;
            if (feed(test, random, group, 0.5, 4_000, 3) >= Math.log(1 / ALPHA)) {
                rejected++;
            }
        }
        assertThat(rejected).isLessThanOrEqualTo((int) (ALPHA * runs));
    }

    @Test
    void aDisparateImpactOfHalfIsFoundWithinAFewHundredVotes() {
        ComparisonTest test = new ComparisonTest(ComparisonTest.Form.RATIO, 0.8, 5);
        double peak = feed(test, new SplittableRandom(5), 0.4, 0.8, 600, 4);
        assertThat(peak).isGreaterThan(Math.log(1 / ALPHA));
    }

    @Test
    void votesOfOneGroupWaitForTheOtherAndAreNotLost() {
        ComparisonTest test = new ComparisonTest(ComparisonTest.Form.RATIO, 0.8, 1);
        test.offer(5, 2, 0, 0);
        assertThat(test.pending()).containsExactly(5, 2, 0, 0);
        test.offer(0, 0, 2, 1);
        assertThat(test.pending()).containsExactly(0, 0, 0, 0);
        assertThat(test.below().observations()).isEqualTo(2);
    }

    /** Feeds {@code votes} Bernoulli votes per group in batches of {@code batch}; returns the peak ln e-value. */
    private static double feed(ComparisonTest test, SplittableRandom random, double groupRate, double referenceRate,
                               int votes, int batch) {
        double peak = 0;
        for (int sent = 0; sent < votes; sent += batch) {
            long groupHits = 0;
            long referenceHits = 0;
            for (int i = 0; i < batch; i++) {
                groupHits += random.nextDouble() < groupRate ? 1 : 0;
                referenceHits += random.nextDouble() < referenceRate ? 1 : 0;
            }
            peak = Math.max(peak, test.offer(batch, groupHits, batch, referenceHits));
        }
        return peak;
    }
}
