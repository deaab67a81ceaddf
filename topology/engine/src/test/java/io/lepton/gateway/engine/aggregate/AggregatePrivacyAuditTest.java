package io.lepton.gateway.engine.aggregate;

import static io.lepton.gateway.engine.aggregate.AggregateFixtures.laplace;
import static io.lepton.gateway.engine.aggregate.AggregateFixtures.metric;
import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.policy.MetricSpec.Kind;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Empirical privacy audit of a count release, in the style of the per-event {@code PrivacyAuditTest}: release the
 * count of neighbouring inputs many times, histogram the outputs and estimate the privacy loss, a lower bound on the
 * true loss. The neighbour is one extra subject who sends ten events where L∞ = 3: contribution bounding must cut
 * them to 3, or the audit sees more than the count component's ε.
 */
class AggregatePrivacyAuditTest {

    private static final int RUNS = 200_000;
    private static final int MIN_COUNT = 2_000;
    private static final double TOLERANCE = 5 * Math.sqrt(2.0 / MIN_COUNT);
    /** ε = 1 over two components (subjects, count): the count's share is 0.5. */
    private static final double COUNT_EPSILON = 0.5;

    private final AggregateQuery query = AggregateFixtures.query(4, laplace(1, 3, 1.0, 1e-6,
            metric("messages", Kind.COUNT, null), metric("customers", Kind.SUBJECTS, null)));
    private final NoiseSource keys = AggregateFixtures.keys("audit");

    @Test
    void oneBoundedSubjectMovesTheCountReleaseByAtMostItsEpsilon() {
        long[][] histograms = {histogram(30, 0, 0), histogram(30, 1, RUNS)};
        double loss = maxLogRatio(histograms[0], histograms[1]);
        assertThat(loss).isLessThanOrEqualTo(COUNT_EPSILON + TOLERANCE);
        // The audit has power: the Laplace tails realize the full ε.
        assertThat(loss).isGreaterThan(COUNT_EPSILON - TOLERANCE);
    }

    @Test
    void theAuditCatchesThreeSubjectsAtOnce() {
        // Negative control: three extra subjects are not neighbours; their loss (≈ 1.5) must show.
        double loss = maxLogRatio(histogram(30, 0, 0), histogram(30, 3, RUNS));
        assertThat(loss).isGreaterThan(COUNT_EPSILON + TOLERANCE);
    }

    /**
     * Released counts of a group of {@code base} subjects with 3 events each, plus {@code extra} subjects offering
     * ten events each through the contribution bounding, over RUNS windows starting at {@code firstWindow}.
     */
    private long[] histogram(int base, int extra, int firstWindow) {
        TreeMap<String, GroupTally> tallies = new TreeMap<>();
        GroupTally tally = new GroupTally(0);
        for (int s = 0; s < base + extra; s++) {
            SubjectWindow window = SubjectWindow.empty();
            int events = s < base ? 3 : 10;
            for (int e = 0; e < events; e++) {
                window.offer("intent=BILLING", () -> 1, s * 100L + e, new long[0], query.spec().maxGroupsPerSubject(),
                        query.spec().maxContributionsPerGroup());
            }
            tally.addSubject(window.groups().get(0), query);
        }
        tallies.put("intent=BILLING", tally);
        long[] histogram = new long[400];
        for (int run = 0; run < RUNS; run++) {
            long windowStart = (long) (firstWindow + run) * AggregateFixtures.HOUR;
            for (AggregateRelease release : WindowRelease.release(query, windowStart, tallies, keys).releases()) {
                if (release.metric().equals("messages")) {
                    histogram[(int) Math.max(0, Math.min(399, Math.round(release.value())))]++;
                }
            }
        }
        return histogram;
    }

    private static double maxLogRatio(long[] first, long[] second) {
        double max = 0;
        for (int b = 0; b < first.length; b++) {
            if (first[b] >= MIN_COUNT && second[b] >= MIN_COUNT) {
                max = Math.max(max, Math.abs(Math.log((double) first[b] / second[b])));
            }
        }
        return max;
    }
}
