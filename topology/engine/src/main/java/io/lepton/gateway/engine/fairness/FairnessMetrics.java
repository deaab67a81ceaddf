package io.lepton.gateway.engine.fairness;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Point values of the group-fairness metrics, defined exactly as Fairlearn and AIF360 define them, so a number in an
 * alert can be reproduced with either library on the same data. Pure static functions over per-group counts.
 *
 * <p>Groups with no events (and, for TPR/FPR, groups whose rate is undefined because they have no labelled
 * positives / negatives) are left out of the between-groups aggregates, as in Fairlearn where groups come from the
 * data. Fairlearn's scikit-learn backend would instead score an undefined TPR/FPR as 0; that case never reaches an
 * alert because the evaluator reports such groups as insufficient data.
 */
public final class FairnessMetrics {

    private FairnessMetrics() {
    }

    /** P(ŷ = 1 | group) per non-empty group, by group name (Fairlearn {@code selection_rate} by group). */
    public static SortedMap<String, Double> selectionRates(Map<String, GroupStats> groups) {
        return definedRates(groups, GroupStats::selectionRate);
    }

    /** TPR per group with labelled positives. */
    public static SortedMap<String, Double> truePositiveRates(Map<String, GroupStats> groups) {
        return definedRates(groups, GroupStats::truePositiveRate);
    }

    /** FPR per group with labelled negatives. */
    public static SortedMap<String, Double> falsePositiveRates(Map<String, GroupStats> groups) {
        return definedRates(groups, GroupStats::falsePositiveRate);
    }

    /** Fairlearn {@code demographic_parity_difference}: max − min selection rate across groups. */
    public static double demographicParityDifference(Map<String, GroupStats> groups) {
        return spread(selectionRates(groups));
    }

    /** Fairlearn {@code demographic_parity_ratio}: min / max selection rate across groups (NaN when max is 0). */
    public static double demographicParityRatio(Map<String, GroupStats> groups) {
        SortedMap<String, Double> rates = selectionRates(groups);
        if (rates.isEmpty()) {
            return Double.NaN;
        }
        double max = max(rates);
        return max == 0 ? Double.NaN : min(rates) / max;
    }

    /** AIF360 {@code disparate_impact}: P(ŷ=1 | unprivileged) / P(ŷ=1 | privileged). */
    public static double disparateImpact(Map<String, GroupStats> groups, String unprivileged, String privileged) {
        return group(groups, unprivileged).selectionRate() / group(groups, privileged).selectionRate();
    }

    /** AIF360 {@code statistical_parity_difference}: P(ŷ=1 | unprivileged) − P(ŷ=1 | privileged). */
    public static double statisticalParityDifference(Map<String, GroupStats> groups, String unprivileged,
                                                     String privileged) {
        return group(groups, unprivileged).selectionRate() - group(groups, privileged).selectionRate();
    }

    /** AIF360 {@code equal_opportunity_difference}: TPR(unprivileged) − TPR(privileged). */
    public static double equalOpportunityDifference(Map<String, GroupStats> groups, String unprivileged,
                                                    String privileged) {
        return group(groups, unprivileged).truePositiveRate() - group(groups, privileged).truePositiveRate();
    }

    /** Fairlearn {@code equal_opportunity_difference} (= TPR difference): max − min TPR across groups. */
    public static double truePositiveRateDifference(Map<String, GroupStats> groups) {
        return spread(truePositiveRates(groups));
    }

    /** Fairlearn {@code false_positive_rate_difference}: max − min FPR across groups. */
    public static double falsePositiveRateDifference(Map<String, GroupStats> groups) {
        return spread(falsePositiveRates(groups));
    }

    /**
     * Fairlearn {@code equalized_odds_difference} (default {@code agg="worst_case"}): the larger of the TPR
     * difference and the FPR difference, each max − min across groups.
     */
    public static double equalizedOddsDifference(Map<String, GroupStats> groups) {
        return Math.max(truePositiveRateDifference(groups), falsePositiveRateDifference(groups));
    }

    /** Each group's share of all exposure, E_g / Σ E. */
    public static SortedMap<String, Double> exposureShares(Map<String, ExposureStats> groups) {
        double total = groups.values().stream().mapToDouble(ExposureStats::exposure).sum();
        return shares(groups, ExposureStats::exposure, total);
    }

    /** Each group's share of all relevance, R_g / Σ R. */
    public static SortedMap<String, Double> relevanceShares(Map<String, ExposureStats> groups) {
        double total = groups.values().stream().mapToDouble(ExposureStats::relevance).sum();
        return shares(groups, ExposureStats::relevance, total);
    }

    /**
     * Singh &amp; Joachims (2018) disparate treatment ratio of group a to group b:
     * (E_a / R_a) / (E_b / R_b), which equals (exposure share_a / relevance share_a) /
     * (exposure share_b / relevance share_b) because the totals cancel. 1 means exposure proportional to relevance;
     * below 1 means a gets less exposure per unit of relevance than b.
     */
    public static double disparateExposureRatio(Map<String, ExposureStats> groups, String a, String b) {
        return group(groups, a).exposurePerRelevance() / group(groups, b).exposurePerRelevance();
    }

    /**
     * The worst disparate exposure ratio across groups: min_g (E_g/R_g) / max_g (E_g/R_g), over groups with
     * positive relevance; NaN when there is none.
     */
    public static double exposureRatio(Map<String, ExposureStats> groups) {
        SortedMap<String, Double> perRelevance = new TreeMap<>();
        groups.forEach((name, stats) -> {
            if (stats.relevance() > 0) {
                perRelevance.put(name, stats.exposurePerRelevance());
            }
        });
        return perRelevance.isEmpty() ? Double.NaN : min(perRelevance) / max(perRelevance);
    }

    private static SortedMap<String, Double> definedRates(Map<String, GroupStats> groups,
                                                          ToDoubleFunction<GroupStats> rate) {
        SortedMap<String, Double> rates = new TreeMap<>();
        groups.forEach((name, stats) -> {
            double value = rate.applyAsDouble(stats);
            if (!Double.isNaN(value)) {
                rates.put(name, value);
            }
        });
        return rates;
    }

    private static SortedMap<String, Double> shares(Map<String, ExposureStats> groups,
                                                    ToDoubleFunction<ExposureStats> amount, double total) {
        SortedMap<String, Double> shares = new TreeMap<>();
        groups.forEach((name, stats) -> shares.put(name,
                total == 0 ? Double.NaN : amount.applyAsDouble(stats) / total));
        return shares;
    }

    private static double spread(SortedMap<String, Double> values) {
        return values.isEmpty() ? Double.NaN : max(values) - min(values);
    }

    private static double max(Map<String, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static double min(Map<String, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static <T> T group(Map<String, T> groups, String name) {
        T stats = groups.get(name);
        if (stats == null) {
            throw new IllegalArgumentException("no such group: " + name);
        }
        return stats;
    }
}
