package io.lepton.gateway.engine.fairness.pooled;

/**
 * The group-fairness metrics the pooled monitor tests, each comparing a group u with the policy's reference
 * (privileged) group p as AIF360 defines them.
 */
public enum PooledMetric {
    /** AIF360 {@code disparate_impact}: SR_u / SR_p; four-fifths rule: below the threshold (0.8) is adverse. */
    DISPARATE_IMPACT("disparate_impact", ComparisonTest.Form.RATIO, false),
    /**
     * AIF360 {@code statistical_parity_difference}: SR_u − SR_p, adverse when its absolute value exceeds the
     * threshold; with two groups its absolute value is Fairlearn's {@code demographic_parity_difference}.
     */
    STATISTICAL_PARITY_DIFFERENCE("statistical_parity_difference", ComparisonTest.Form.DIFFERENCE, false),
    /** AIF360 {@code equal_opportunity_difference}: TPR_u − TPR_p on labelled-positive votes, bounded in absolute value. */
    EQUAL_OPPORTUNITY_DIFFERENCE("equal_opportunity_difference", ComparisonTest.Form.DIFFERENCE, true);

    private final String id;
    private final ComparisonTest.Form form;
    private final boolean needsLabels;

    PooledMetric(String id, ComparisonTest.Form form, boolean needsLabels) {
        this.id = id;
        this.form = form;
        this.needsLabels = needsLabels;
    }

    /** The identifier on alerts and dashboards. */
    public String id() {
        return id;
    }

    ComparisonTest.Form form() {
        return form;
    }

    /** Whether the metric needs outcome labels (so is only tested for families that carry them). */
    public boolean needsLabels() {
        return needsLabels;
    }

    /** Votes (trials) of a group for this metric's rate: all votes, or the labelled-positive ones. */
    long trials(long[] counts) {
        return needsLabels ? counts[2] : counts[0];
    }

    /** Positive decisions among {@link #trials(long[])}. */
    long hits(long[] counts) {
        return needsLabels ? counts[3] : counts[1];
    }

    /** The metric's value for the group against the reference (NaN when a rate is undefined). */
    double value(long[] group, long[] reference) {
        double groupRate = (double) hits(group) / trials(group);
        double referenceRate = (double) hits(reference) / trials(reference);
        return form == ComparisonTest.Form.RATIO ? groupRate / referenceRate : groupRate - referenceRate;
    }

    /** Whether a point value lies on the adverse side of the threshold. */
    boolean adverse(double value, double threshold) {
        return form == ComparisonTest.Form.RATIO ? value < threshold : Math.abs(value) > threshold;
    }
}
