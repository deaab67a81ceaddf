package io.lepton.gateway.engine.fairness;

/**
 * The metrics the evaluator reports, with the identifiers used in {@code fairness.alerts} records, policy files and
 * dashboards (kept in one place so the topology, the policy validator and the tests agree).
 */
public enum FairnessMetric {
    /** AIF360 disparate impact of the worst group against the most-favoured one (four-fifths rule). */
    DISPARATE_IMPACT("disparate_impact", Direction.MINIMUM),
    /** Fairlearn demographic-parity difference (max − min selection rate). */
    DEMOGRAPHIC_PARITY_DIFFERENCE("demographic_parity_difference", Direction.MAXIMUM),
    /** AIF360 equal-opportunity difference (TPR gap) of the worst group against the best. */
    EQUAL_OPPORTUNITY_DIFFERENCE("equal_opportunity_difference", Direction.MAXIMUM_ABSOLUTE),
    /** Fairlearn equalized-odds difference (larger of the TPR and FPR gaps). */
    EQUALIZED_ODDS_DIFFERENCE("equalized_odds_difference", Direction.MAXIMUM),
    /** Singh &amp; Joachims disparate exposure ratio of ranking exposure to relevance. */
    EXPOSURE_RATIO("exposure_ratio", Direction.MINIMUM);

    /** Which side of its threshold a metric value must stay on. */
    private enum Direction { MINIMUM, MAXIMUM, MAXIMUM_ABSOLUTE }

    private final String id;
    private final Direction direction;

    FairnessMetric(String id, Direction direction) {
        this.id = id;
        this.direction = direction;
    }

    /** The snake_case identifier, e.g. {@code disparate_impact}. */
    public String id() {
        return id;
    }

    /** The metric with identifier {@code id}. */
    public static FairnessMetric ofId(String id) {
        for (FairnessMetric metric : values()) {
            if (metric.id.equals(id)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown fairness metric: " + id);
    }

    /**
     * Whether a point value is on the unfair side of the threshold: below a minimum (ratios), above a maximum
     * (differences), or above it in absolute value (signed AIF360 differences). NaN is never beyond.
     */
    public boolean beyond(double value, double threshold) {
        return switch (direction) {
            case MINIMUM -> value < threshold;
            case MAXIMUM -> value > threshold;
            case MAXIMUM_ABSOLUTE -> Math.abs(value) > threshold;
        };
    }
}
