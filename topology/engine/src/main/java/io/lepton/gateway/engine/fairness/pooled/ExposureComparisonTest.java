package io.lepton.gateway.engine.fairness.pooled;

/**
 * The anytime-valid test of Singh &amp; Joachims' disparate treatment constraint ("Fairness of Exposure in Rankings",
 * KDD 2018, §4.2) between a provider group u and the reference group r, fed with pooled impression sums.
 *
 * <p><b>Metric.</b> With Ē_g the mean exposure (position weight 1/log2(1+rank), {@link ExposureUnits}) and Ū_g the
 * mean relevance of group g's impressions, g's exposure per unit of relevance is ρ_g = Ē_g / Ū_g. The exposure ratio
 * of the pair is min(ρ_u, ρ_r) / max(ρ_u, ρ_r) (1: exposure proportional to relevance; with two groups it is the
 * min-over-max ratio over all groups).
 *
 * <p><b>Null hypothesis.</b> H0: ratio ≥ c, i.e. both Ē_u·Ū_r ≥ c·Ē_r·Ū_u and Ē_r·Ū_u ≥ c·Ē_u·Ū_r. Each side is
 * linear in products of means of two <em>independent</em> samples, so it is tested by betting
 * ({@link BettingEProcess}) on
 * <pre>  Z_below = c·ē_r·ū_u − ē_u·ū_r,   Z_above = c·ē_u·ū_r − ē_r·ū_u</pre>
 * where ē, ū are the means of one batch of each group; the two wealth processes are averaged (an e-process for the
 * intersection of both sides, as {@link ComparisonTest} does for a difference). Given the batch sizes, ē_r and ū_u come
 * from different impressions, so E[ē_r·ū_u] = Ē_r·Ū_u and under H0 E[Z | past] ≤ 0; the correlation of rank and
 * relevance within one impression never enters. That needs the impressions of the two groups to come from different
 * users, which holds within one batch: a batch is one task's flush of one pane (the monitor offers a delta pane by
 * pane), every subject is owned by one task and votes once per pane, so two impressions of a batch come from two
 * users' rankings, never from one user (whose traits could raise both one group's exposure and the other's relevance)
 * nor from one ranking (where one item's rank pushes the others down). For the same reason nothing is carried over
 * between batches: a batch with impressions of one group only is not bet on (carried into a later pane, its sums
 * could meet the same users' impressions of the other group). Every mean lies in [0, 1], so Z ∈ [−1, c].
 *
 * <p><b>Batches.</b> Sums cannot be split into single impressions as vote counts can ({@link ComparisonTest} draws
 * sub-batches hypergeometrically), so each offer with impressions of both groups is one bet on its batch means.
 * Batches are one flush of the map sides (500 ms per task), so bets stay frequent.
 * Fixed-point rounding moves a batch mean by at most {@link ExposureUnits#MAX_MEAN_ERROR}, so Z by at most
 * {@link #ROUNDING_MARGIN}; each Z is shifted down by that margin and rescaled into [−1, 1], which keeps
 * E[Z | past] ≤ 0 exact rather than approximate.
 */
final class ExposureComparisonTest implements SlotTest {

    /**
     * Bound on the rounding error of Z: with ε = MAX_MEAN_ERROR and every mean in [0, 1], each product of two rounded
     * means is off by at most 2ε + ε², so Z by at most (1 + c)(2ε + ε²) ≤ 5ε for c ≤ 1.
     */
    static final double ROUNDING_MARGIN = 5 * ExposureUnits.MAX_MEAN_ERROR;

    private final double threshold;
    private final BettingEProcess below;
    private final BettingEProcess above;

    ExposureComparisonTest(double threshold) {
        this(threshold, new BettingEProcess(), new BettingEProcess());
    }

    ExposureComparisonTest(double threshold, BettingEProcess below, BettingEProcess above) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("exposure ratio threshold must be in (0, 1], got " + threshold);
        }
        this.threshold = threshold;
        this.below = below;
        this.above = above;
    }

    /**
     * Bets once on one batch (one task's flush of one pane) of impressions of the group and of the reference (count,
     * fixed-point exposure and relevance sums), if it has impressions of both.
     *
     * @return the largest ln e-value reached on these impressions
     */
    double offer(long groupImpressions, long groupExposure, long groupRelevance, long referenceImpressions,
                 long referenceExposure, long referenceRelevance) {
        if (groupImpressions == 0 || referenceImpressions == 0) {
            return logEValue();
        }
        double groupMeanExposure = ExposureUnits.mean(groupExposure, groupImpressions);
        double groupMeanRelevance = ExposureUnits.mean(groupRelevance, groupImpressions);
        double referenceMeanExposure = ExposureUnits.mean(referenceExposure, referenceImpressions);
        double referenceMeanRelevance = ExposureUnits.mean(referenceRelevance, referenceImpressions);
        below.observe(shrink(threshold * referenceMeanExposure * groupMeanRelevance
                - groupMeanExposure * referenceMeanRelevance));
        above.observe(shrink(threshold * groupMeanExposure * referenceMeanRelevance
                - referenceMeanExposure * groupMeanRelevance));
        return logEValue();
    }

    private static double shrink(double z) {
        return Math.max(-1, Math.min(1, (z - ROUNDING_MARGIN) / (1 + ROUNDING_MARGIN)));
    }

    /** ln of the current e-value against H0: the log of the mean of both sides' wealth. */
    @Override
    public double logEValue() {
        return BettingEProcess.logMeanWealth(below, above);
    }

    double threshold() {
        return threshold;
    }

    BettingEProcess below() {
        return below;
    }

    BettingEProcess above() {
        return above;
    }
}
