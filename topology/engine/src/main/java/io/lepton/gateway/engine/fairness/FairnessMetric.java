package io.lepton.gateway.engine.fairness;

/**
 * The metrics the evaluator reports, with the identifiers used in {@code fairness.alerts} records, policy files and
 * dashboards (kept in one place so the topology, the policy validator and the tests agree).
 */
public enum FairnessMetric {
    /** AIF360 disparate impact of the worst group against the most-favoured one (four-fifths rule). */
    DISPARATE_IMPACT("disparate_impact"),
    /** Fairlearn demographic-parity difference (max − min selection rate). */
    DEMOGRAPHIC_PARITY_DIFFERENCE("demographic_parity_difference"),
    /** AIF360 equal-opportunity difference (TPR gap) of the worst group against the best. */
    EQUAL_OPPORTUNITY_DIFFERENCE("equal_opportunity_difference"),
    /** Fairlearn equalized-odds difference (larger of the TPR and FPR gaps). */
    EQUALIZED_ODDS_DIFFERENCE("equalized_odds_difference"),
    /** Singh &amp; Joachims disparate exposure ratio of ranking exposure to relevance. */
    EXPOSURE_RATIO("exposure_ratio");

    private final String id;

    FairnessMetric(String id) {
        this.id = id;
    }

    /** The snake_case identifier, e.g. {@code disparate_impact}. */
    public String id() {
        return id;
    }
}
