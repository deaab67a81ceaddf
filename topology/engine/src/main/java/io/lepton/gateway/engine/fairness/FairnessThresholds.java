package io.lepton.gateway.engine.fairness;

/**
 * Per-policy alerting thresholds of the fairness monitor (the {@code fairness} section of a jurisdiction policy).
 *
 * @param minDisparateImpact            breach when the disparate-impact CI lies wholly below this (0.8: four-fifths rule)
 * @param maxParityDifference           breach when the demographic-parity-difference CI lies wholly above this
 * @param maxEqualOpportunityDifference breach when the TPR gap CI (equal opportunity) or the TPR/FPR gap CI
 *                                      (equalized odds) lies wholly beyond this in absolute value
 * @param minExposureRatio              breach when the disparate-exposure-ratio CI lies wholly below this
 * @param minSamplesPerGroup            groups with fewer events (in the rate's denominator) are insufficient data
 * @param confidence                    two-sided confidence level of the intervals, e.g. 0.95
 */
public record FairnessThresholds(double minDisparateImpact, double maxParityDifference,
                                 double maxEqualOpportunityDifference, double minExposureRatio,
                                 long minSamplesPerGroup, double confidence) {

    /** Four-fifths rule, 10-point gaps, 100 events per group, 95 % intervals. */
    public static final FairnessThresholds DEFAULTS = new FairnessThresholds(0.8, 0.1, 0.1, 0.8, 100, 0.95);

    /** Rejects thresholds that could never or would always breach. */
    public FairnessThresholds {
        requireOpenUnit("minDisparateImpact", minDisparateImpact, true);
        requireOpenUnit("maxParityDifference", maxParityDifference, false);
        requireOpenUnit("maxEqualOpportunityDifference", maxEqualOpportunityDifference, false);
        requireOpenUnit("minExposureRatio", minExposureRatio, true);
        requireOpenUnit("confidence", confidence, false);
        if (minSamplesPerGroup < 1) {
            throw new IllegalArgumentException("minSamplesPerGroup must be at least 1, got " + minSamplesPerGroup);
        }
    }

    private static void requireOpenUnit(String name, double value, boolean oneAllowed) {
        boolean valid = value > 0 && (oneAllowed ? value <= 1 : value < 1);
        if (!valid) {
            throw new IllegalArgumentException(name + " must be in (0, 1" + (oneAllowed ? "]" : ")") + ", got " + value);
        }
    }
}
