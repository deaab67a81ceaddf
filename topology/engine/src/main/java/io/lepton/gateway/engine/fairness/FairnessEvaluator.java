package io.lepton.gateway.engine.fairness;

import io.lepton.gateway.engine.fairness.PairwiseComparison.Outcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Turns one window's per-group counts into significance-gated verdicts. Each metric compares every group with the
 * most-favoured group and reports the worst pair (see {@link PairwiseComparison}); a breach needs the whole
 * confidence interval beyond the threshold, and a pair with a group below {@link FairnessThresholds#minSamplesPerGroup()}
 * is {@link Verdict#INSUFFICIENT_DATA}. Stateless and thread-safe.
 */
public final class FairnessEvaluator {

    private static final Comparator<Outcome> LOWEST_FIRST = Comparator.comparingDouble(Outcome::value);
    private static final Comparator<Outcome> HIGHEST_FIRST = LOWEST_FIRST.reversed();

    /**
     * Disparate impact and demographic-parity difference over all events; equal-opportunity and equalized-odds
     * difference over labelled events when at least two groups have labels. A metric with fewer than two groups to
     * compare is left out.
     */
    public List<MetricResult> evaluate(String attribute, Map<String, GroupStats> groups, FairnessThresholds t) {
        List<MetricResult> results = new ArrayList<>();
        Map<String, Long> events = sizes(groups, GroupStats::n);
        Map<String, Long> positives = sizes(groups, GroupStats::positives);
        SortedMap<String, Double> selection = FairnessMetrics.selectionRates(groups);

        PairwiseComparison.worstAgainstMostFavoured(selection, events, t.minSamplesPerGroup(),
                        (g, ref) -> disparateImpact(groups.get(g), groups.get(ref), g, ref, t), LOWEST_FIRST)
                .ifPresent(o -> results.add(result(FairnessMetric.DISPARATE_IMPACT, attribute, o,
                        t.minDisparateImpact(), events)));
        PairwiseComparison.worstAgainstMostFavoured(selection, events, t.minSamplesPerGroup(),
                        (g, ref) -> parityDifference(groups.get(g), groups.get(ref), g, ref, t), HIGHEST_FIRST)
                .ifPresent(o -> results.add(result(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE, attribute, o,
                        t.maxParityDifference(), events)));
        PairwiseComparison.worstAgainstMostFavoured(FairnessMetrics.truePositiveRates(groups), positives,
                        t.minSamplesPerGroup(),
                        (g, ref) -> equalOpportunity(groups.get(g), groups.get(ref), g, ref, t), LOWEST_FIRST)
                .ifPresent(o -> results.add(result(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE, attribute, o,
                        t.maxEqualOpportunityDifference(), positives)));
        equalizedOdds(attribute, groups, t).ifPresent(results::add);
        return results;
    }

    /**
     * The disparate exposure ratio (E_g/R_g)/(E_ref/R_ref) of the worst provider group against the group with the
     * most exposure per relevance; groups without relevance are left out. Empty with fewer than two groups.
     */
    public List<MetricResult> evaluateExposure(String attribute, Map<String, ExposureStats> groups,
                                               FairnessThresholds t) {
        SortedMap<String, Double> perRelevance = new TreeMap<>();
        groups.forEach((group, stats) -> {
            if (stats.relevance() > 0) {
                perRelevance.put(group, stats.exposurePerRelevance());
            }
        });
        Map<String, Long> impressions = new TreeMap<>();
        groups.forEach((group, stats) -> impressions.put(group, stats.n()));
        return PairwiseComparison.worstAgainstMostFavoured(perRelevance, impressions, t.minSamplesPerGroup(),
                        (g, ref) -> {
                            double value = perRelevance.get(g) / perRelevance.get(ref);
                            ConfidenceInterval ci = ExposureRatioInterval.of(groups.get(g), groups.get(ref),
                                    t.confidence());
                            return outcome(g, ref, value, ci, ci.entirelyBelow(t.minExposureRatio()));
                        }, LOWEST_FIRST)
                .map(o -> result(FairnessMetric.EXPOSURE_RATIO, attribute, o, t.minExposureRatio(), impressions))
                .stream().toList();
    }

    /** AIF360 disparate impact SR_g / SR_ref with a Katz log interval; breach when wholly below the minimum. */
    private static Outcome disparateImpact(GroupStats g, GroupStats ref, String gName, String refName,
                                           FairnessThresholds t) {
        ConfidenceInterval ci = ProportionIntervals.katzRatio(g.selected(), g.n(), ref.selected(), ref.n(),
                t.confidence());
        double value = g.selectionRate() / ref.selectionRate();
        return outcome(gName, refName, value, ci, ci.entirelyBelow(t.minDisparateImpact()));
    }

    /** SR_ref − SR_g (the Fairlearn max − min for this pair) with a Newcombe interval. */
    private static Outcome parityDifference(GroupStats g, GroupStats ref, String gName, String refName,
                                            FairnessThresholds t) {
        ConfidenceInterval ci = ProportionIntervals.newcombeDifference(ref.selected(), ref.n(), g.selected(), g.n(),
                t.confidence());
        double value = ref.selectionRate() - g.selectionRate();
        return outcome(gName, refName, value, ci, ci.entirelyAbove(t.maxParityDifference()));
    }

    /** AIF360 TPR_g − TPR_ref with a Newcombe interval; breach when wholly beyond ± the threshold. */
    private static Outcome equalOpportunity(GroupStats g, GroupStats ref, String gName, String refName,
                                            FairnessThresholds t) {
        ConfidenceInterval ci = ProportionIntervals.newcombeDifference(g.truePositives(), g.positives(),
                ref.truePositives(), ref.positives(), t.confidence());
        double value = g.truePositiveRate() - ref.truePositiveRate();
        double limit = t.maxEqualOpportunityDifference();
        return outcome(gName, refName, value, ci, ci.entirelyAbove(limit) || ci.entirelyBelow(-limit));
    }

    /**
     * Fairlearn equalized-odds difference: the TPR gap and the FPR gap (each max − min, Newcombe interval) are
     * evaluated separately and the component deciding the verdict is reported: a breaching one first, then an
     * insufficient one (both rates are needed to clear equalized odds), else the larger gap.
     */
    private static Optional<MetricResult> equalizedOdds(String attribute, Map<String, GroupStats> groups,
                                                        FairnessThresholds t) {
        double limit = t.maxEqualOpportunityDifference();
        Map<String, Long> positives = sizes(groups, GroupStats::positives);
        Map<String, Long> negatives = sizes(groups, GroupStats::negatives);
        Optional<MetricResult> tpr = PairwiseComparison.worstAgainstMostFavoured(
                        FairnessMetrics.truePositiveRates(groups), positives, t.minSamplesPerGroup(),
                        (g, ref) -> gap(groups.get(ref).truePositives(), groups.get(ref).positives(),
                                groups.get(g).truePositives(), groups.get(g).positives(), g, ref, limit, t),
                        HIGHEST_FIRST)
                .map(o -> result(FairnessMetric.EQUALIZED_ODDS_DIFFERENCE, attribute, o, limit, positives));
        Optional<MetricResult> fpr = PairwiseComparison.worstAgainstMostFavoured(
                        FairnessMetrics.falsePositiveRates(groups), negatives, t.minSamplesPerGroup(),
                        (g, ref) -> gap(groups.get(ref).falsePositives(), groups.get(ref).negatives(),
                                groups.get(g).falsePositives(), groups.get(g).negatives(), g, ref, limit, t),
                        HIGHEST_FIRST)
                .map(o -> result(FairnessMetric.EQUALIZED_ODDS_DIFFERENCE, attribute, o, limit, negatives));
        Comparator<MetricResult> decidingFirst = Comparator
                .comparingInt((MetricResult r) -> switch (r.verdict()) {
                    case BREACH -> 0;
                    case INSUFFICIENT_DATA -> 1;
                    case OK -> 2;
                })
                .thenComparing(Comparator.comparingDouble(MetricResult::value).reversed());
        return Stream.of(tpr, fpr).flatMap(Optional::stream).min(decidingFirst);
    }

    /** rate_ref − rate_g for one equalized-odds component; breach when the interval is wholly above the limit. */
    private static Outcome gap(long refSuccesses, long refTrials, long gSuccesses, long gTrials, String gName,
                               String refName, double limit, FairnessThresholds t) {
        ConfidenceInterval ci = ProportionIntervals.newcombeDifference(refSuccesses, refTrials, gSuccesses, gTrials,
                t.confidence());
        double value = (double) refSuccesses / refTrials - (double) gSuccesses / gTrials;
        return outcome(gName, refName, value, ci, ci.entirelyAbove(limit));
    }

    private static Outcome outcome(String group, String reference, double value, ConfidenceInterval ci,
                                   boolean breach) {
        return new Outcome(group, reference, value, ci, breach ? Verdict.BREACH : Verdict.OK);
    }

    private static MetricResult result(FairnessMetric metric, String attribute, Outcome o, double threshold,
                                       Map<String, Long> sampleSizes) {
        return new MetricResult(metric.id(), attribute, o.group(), o.reference(), o.value(), o.interval().low(),
                o.interval().high(), threshold, o.verdict(), sampleSizes);
    }

    private static Map<String, Long> sizes(Map<String, GroupStats> groups, ToLongFunction<GroupStats> size) {
        Map<String, Long> sizes = new TreeMap<>();
        groups.forEach((group, stats) -> sizes.put(group, size.applyAsLong(stats)));
        return sizes;
    }
}
