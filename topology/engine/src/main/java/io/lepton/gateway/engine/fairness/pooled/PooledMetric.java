package io.lepton.gateway.engine.fairness.pooled;

import java.util.List;

/**
 * The group-fairness metrics the pooled monitor tests, each comparing a group u with the policy's reference
 * (privileged) group p: three decision metrics as AIF360 defines them, and the ranking exposure ratio of Singh &amp;
 * Joachims. Counters are read in the layout of {@link CountDelta.Row#counters()}.
 */
public enum PooledMetric {
    /** AIF360 {@code disparate_impact}: SR_u / SR_p; four-fifths rule: below the threshold (0.8) is adverse. */
    DISPARATE_IMPACT("disparate_impact", ComparisonTest.Form.RATIO, false, false),
    /**
     * AIF360 {@code statistical_parity_difference}: SR_u − SR_p, adverse when its absolute value exceeds the
     * threshold; with two groups its absolute value is Fairlearn's {@code demographic_parity_difference}.
     */
    STATISTICAL_PARITY_DIFFERENCE("statistical_parity_difference", ComparisonTest.Form.DIFFERENCE, false, false),
    /** AIF360 {@code equal_opportunity_difference}: TPR_u − TPR_p on labelled-positive votes, bounded in absolute value. */
    EQUAL_OPPORTUNITY_DIFFERENCE("equal_opportunity_difference", ComparisonTest.Form.DIFFERENCE, true, false),
    /**
     * Singh &amp; Joachims (KDD 2018) disparate treatment of a provider group in rankings: with ρ_g = mean exposure /
     * mean relevance of g's impressions, min(ρ_u, ρ_p) / max(ρ_u, ρ_p); below the threshold (policy
     * {@code exposureRatio}) is adverse. Tested by {@link ExposureComparisonTest}.
     */
    EXPOSURE_RATIO("exposure_ratio", ComparisonTest.Form.RATIO, false, true);

    private final String id;
    private final ComparisonTest.Form form;
    private final boolean needsLabels;
    private final boolean ranking;

    PooledMetric(String id, ComparisonTest.Form form, boolean needsLabels, boolean ranking) {
        this.id = id;
        this.form = form;
        this.needsLabels = needsLabels;
        this.ranking = ranking;
    }

    /** The decision metrics tested for an attribute of a family with or without outcome labels. */
    public static List<PooledMetric> decisionMetrics(boolean labelled) {
        return List.of(DISPARATE_IMPACT, STATISTICAL_PARITY_DIFFERENCE, EQUAL_OPPORTUNITY_DIFFERENCE).stream()
                .filter(m -> labelled || !m.needsLabels).toList();
    }

    /** The metrics tested for a ranking (exposure group) attribute. */
    public static List<PooledMetric> rankingMetrics() {
        return List.of(EXPOSURE_RATIO);
    }

    /** The identifier on alerts and dashboards. */
    public String id() {
        return id;
    }

    /** Whether the metric needs outcome labels (so is only tested for families that carry them). */
    public boolean needsLabels() {
        return needsLabels;
    }

    /** Whether the metric compares ranking impressions rather than decisions. */
    public boolean ranking() {
        return ranking;
    }

    /** A fresh test of this metric's H0 at {@code threshold}; {@code seed} drives the random splits of vote counts. */
    SlotTest newTest(double threshold, long seed) {
        return ranking ? new ExposureComparisonTest(threshold) : new ComparisonTest(form, threshold, seed);
    }

    /** Feeds the group's and the reference's counters to {@code test}; returns its peak ln e-value. */
    double offer(SlotTest test, long[] group, long[] reference) {
        if (test instanceof ExposureComparisonTest exposure) {
            return exposure.offer(group[0], group[4], group[5], reference[0], reference[4], reference[5]);
        }
        return ((ComparisonTest) test).offer(trials(group), hits(group), trials(reference), hits(reference));
    }

    /** Votes (trials) of a group for this metric: all votes (or impressions), or the labelled-positive ones. */
    long trials(long[] counts) {
        return needsLabels ? counts[2] : counts[0];
    }

    /** Positive decisions among {@link #trials(long[])}. */
    long hits(long[] counts) {
        return needsLabels ? counts[3] : counts[1];
    }

    /** The metric's value for the group against the reference (NaN when a rate is undefined). */
    double value(long[] group, long[] reference) {
        if (ranking) {
            double groupRatio = exposurePerRelevance(group);
            double referenceRatio = exposurePerRelevance(reference);
            return Math.min(groupRatio, referenceRatio) / Math.max(groupRatio, referenceRatio);
        }
        double groupRate = (double) hits(group) / trials(group);
        double referenceRate = (double) hits(reference) / trials(reference);
        return form == ComparisonTest.Form.RATIO ? groupRate / referenceRate : groupRate - referenceRate;
    }

    /** Mean exposure / mean relevance of a group's impressions (NaN without impressions or relevance). */
    static double exposurePerRelevance(long[] counts) {
        return counts[0] == 0 || counts[5] == 0 ? Double.NaN : (double) counts[4] / counts[5];
    }

    /** Whether a point value lies on the adverse side of the threshold. */
    boolean adverse(double value, double threshold) {
        return form == ComparisonTest.Form.RATIO ? value < threshold : Math.abs(value) > threshold;
    }
}
