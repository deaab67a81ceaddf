package io.lepton.gateway.engine.fairness;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FairnessEvaluatorTest {

    private static final FairnessThresholds DEFAULTS = FairnessThresholds.DEFAULTS;
    private final FairnessEvaluator evaluator = new FairnessEvaluator();

    @Test
    void approvalRates055Versus080Over2000EventsBreachTheFourFifthsRule() {
        Map<String, GroupStats> groups = Map.of(
                "female", new GroupStats(1000, 550, 0, 0, 0, 0),
                "male", new GroupStats(1000, 800, 0, 0, 0, 0));

        MetricResult di = only(evaluator.evaluate("gender", groups, DEFAULTS), FairnessMetric.DISPARATE_IMPACT);

        // 0.55 / 0.80 = 0.6875; Katz 95 % interval [0.64484, 0.73298] lies wholly below 0.8 (see ProportionIntervalsTest)
        assertThat(di.verdict()).isEqualTo(Verdict.BREACH);
        assertThat(di.attribute()).isEqualTo("gender");
        assertThat(di.disadvantagedGroup()).isEqualTo("female");
        assertThat(di.referenceGroup()).isEqualTo("male");
        assertThat(di.value()).isCloseTo(0.6875, within(1e-12));
        assertThat(di.ciLow()).isCloseTo(0.6448412914885067, within(1e-12));
        assertThat(di.ciHigh()).isCloseTo(0.7329807446247019, within(1e-12));
        assertThat(di.threshold()).isEqualTo(0.8);
        assertThat(di.sampleSizes()).containsExactly(Map.entry("female", 1000L), Map.entry("male", 1000L));

        MetricResult dpd = only(evaluator.evaluate("gender", groups, DEFAULTS),
                FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE);
        assertThat(dpd.verdict()).isEqualTo(Verdict.BREACH);
        assertThat(dpd.value()).isCloseTo(0.25, within(1e-12));
        assertThat(dpd.ciLow()).isGreaterThan(0.1);
    }

    @Test
    void aRandomBiasedStreamOf2000EventsBreaches() {
        Map<String, GroupStats> groups = stream(2000, 0.55, 0.80, 7);

        MetricResult di = only(evaluator.evaluate("gender", groups, DEFAULTS), FairnessMetric.DISPARATE_IMPACT);

        assertThat(di.verdict()).isEqualTo(Verdict.BREACH);
        assertThat(di.disadvantagedGroup()).isEqualTo("female");
        assertThat(di.referenceGroup()).isEqualTo("male");
        // the estimate's standard error is ≈ 0.6875 × 0.0327 = 0.022, so ±0.07 is a 3-sigma band (seed fixed)
        assertThat(di.value()).isCloseTo(0.6875, within(0.07));
        assertThat(di.ciHigh()).isLessThan(0.8);
    }

    @Test
    void aBalancedStreamOf2000EventsRaisesNoBreach() {
        List<MetricResult> results = evaluator.evaluate("gender", stream(2000, 0.80, 0.80, 7), DEFAULTS);

        assertThat(results).extracting(MetricResult::metric).containsExactly(
                "disparate_impact", "demographic_parity_difference");
        assertThat(results).extracting(MetricResult::verdict).containsOnly(Verdict.OK);
    }

    @Test
    void aBiasedStreamBelowTheMinimumSampleSizeIsInsufficientNotABreach() {
        // 0.55 vs 0.80 again, but 80 events per group against a minimum of 100
        Map<String, GroupStats> groups = Map.of(
                "female", new GroupStats(80, 44, 0, 0, 0, 0),
                "male", new GroupStats(80, 64, 0, 0, 0, 0));

        List<MetricResult> results = evaluator.evaluate("gender", groups, DEFAULTS);

        assertThat(results).extracting(MetricResult::verdict).containsOnly(Verdict.INSUFFICIENT_DATA);
        MetricResult di = only(results, FairnessMetric.DISPARATE_IMPACT);
        assertThat(di.value()).isCloseTo(0.6875, within(1e-12));
        assertThat(di.disadvantagedGroup()).isEqualTo("female");
        // without the sample-size gate this would be a breach: the Newcombe interval [0.105, 0.381] is above 0.1
        MetricResult dpd = only(results, FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE);
        assertThat(dpd.ciLow()).isGreaterThan(DEFAULTS.maxParityDifference());
    }

    @Test
    void oneSmallGroupMakesTheComparisonInsufficient() {
        Map<String, GroupStats> groups = Map.of(
                "female", new GroupStats(60, 20, 0, 0, 0, 0),
                "male", new GroupStats(1000, 800, 0, 0, 0, 0));

        assertThat(evaluator.evaluate("gender", groups, DEFAULTS)).extracting(MetricResult::verdict)
                .containsOnly(Verdict.INSUFFICIENT_DATA);
    }

    @Test
    void aPointValueBelowTheThresholdIsNotABreachWhenTheIntervalCrossesIt() {
        // 60/100 vs 80/100: DI 0.75 < 0.8, but the Katz interval [0.62, 0.90] contains 0.8
        Map<String, GroupStats> groups = Map.of(
                "a", new GroupStats(100, 60, 0, 0, 0, 0),
                "b", new GroupStats(100, 80, 0, 0, 0, 0));

        MetricResult di = only(evaluator.evaluate("gender", groups, DEFAULTS), FairnessMetric.DISPARATE_IMPACT);

        assertThat(di.value()).isCloseTo(0.75, within(1e-12));
        assertThat(di.ciHigh()).isCloseTo(0.904810447451975, within(1e-12));
        assertThat(di.verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void groupsBelowTheMinimumAreLeftOutWhenTwoGroupsHaveEnoughData() {
        Map<String, GroupStats> groups = Map.of(
                "30-39", new GroupStats(1000, 800, 0, 0, 0, 0),
                "40-49", new GroupStats(1000, 550, 0, 0, 0, 0),
                "80+", new GroupStats(20, 1, 0, 0, 0, 0));

        MetricResult di = only(evaluator.evaluate("ageBand", groups, DEFAULTS), FairnessMetric.DISPARATE_IMPACT);

        assertThat(di.verdict()).isEqualTo(Verdict.BREACH);
        assertThat(di.disadvantagedGroup()).isEqualTo("40-49");
        assertThat(di.referenceGroup()).isEqualTo("30-39");
        assertThat(di.sampleSizes()).containsEntry("80+", 20L);
    }

    @Test
    void aSignificantBreachOutranksAWorseButNoisyValue() {
        // min samples 30: "small" has DI 0.625 but only 30 events (Katz upper 0.895, OK);
        // "large" has DI 0.75 with 1000 events (Katz upper 0.796, BREACH) — the breach is reported.
        FairnessThresholds thresholds = new FairnessThresholds(0.8, 0.1, 0.1, 0.8, 30, 0.95);
        Map<String, GroupStats> groups = Map.of(
                "reference", new GroupStats(1000, 800, 0, 0, 0, 0),
                "large", new GroupStats(1000, 600, 0, 0, 0, 0),
                "small", new GroupStats(30, 15, 0, 0, 0, 0));

        MetricResult di = only(evaluator.evaluate("region", groups, thresholds), FairnessMetric.DISPARATE_IMPACT);

        assertThat(di.verdict()).isEqualTo(Verdict.BREACH);
        assertThat(di.disadvantagedGroup()).isEqualTo("large");
        assertThat(di.value()).isCloseTo(0.75, within(1e-12));
        assertThat(di.ciHigh()).isLessThan(0.8);
    }

    @Test
    void equalOpportunityGapIsABreachWhenLabelsShowIt() {
        // TPR a = 450/500 = 0.9, TPR b = 300/500 = 0.6 → AIF360 EOD (b vs a) = −0.3; FPR both 100/500 = 0.2
        Map<String, GroupStats> groups = Map.of(
                "a", new GroupStats(1000, 550, 500, 450, 100, 1000),
                "b", new GroupStats(1000, 400, 500, 300, 100, 1000));

        List<MetricResult> results = evaluator.evaluate("gender", groups, DEFAULTS);

        MetricResult eod = only(results, FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE);
        assertThat(eod.verdict()).isEqualTo(Verdict.BREACH);
        assertThat(eod.disadvantagedGroup()).isEqualTo("b");
        assertThat(eod.referenceGroup()).isEqualTo("a");
        assertThat(eod.value()).isCloseTo(-0.3, within(1e-12));
        assertThat(eod.ciHigh()).isLessThan(-0.1);
        assertThat(eod.sampleSizes()).containsEntry("a", 500L);
        MetricResult odds = only(results, FairnessMetric.EQUALIZED_ODDS_DIFFERENCE);
        assertThat(odds.verdict()).isEqualTo(Verdict.BREACH);
        assertThat(odds.value()).isCloseTo(FairnessMetrics.equalizedOddsDifference(groups), within(1e-12));
    }

    @Test
    void equalizedOddsCatchesAFalsePositiveRateGap() {
        // TPR equal (400/500 both); FPR a = 200/500 = 0.4, b = 50/500 = 0.1 → equalized odds 0.3 from FPR
        Map<String, GroupStats> groups = Map.of(
                "a", new GroupStats(1000, 600, 500, 400, 200, 1000),
                "b", new GroupStats(1000, 450, 500, 400, 50, 1000));

        List<MetricResult> results = evaluator.evaluate("gender", groups, DEFAULTS);

        assertThat(only(results, FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).verdict()).isEqualTo(Verdict.OK);
        MetricResult odds = only(results, FairnessMetric.EQUALIZED_ODDS_DIFFERENCE);
        assertThat(odds.verdict()).isEqualTo(Verdict.BREACH);
        assertThat(odds.value()).isCloseTo(0.3, within(1e-12));
        assertThat(odds.disadvantagedGroup()).isEqualTo("b");
        assertThat(odds.sampleSizes()).containsEntry("b", 500L);
    }

    @Test
    void labelMetricsAreLeftOutWithoutLabelsAndInsufficientWithFewLabels() {
        Map<String, GroupStats> unlabelled = stream(2000, 0.7, 0.7, 3);
        assertThat(evaluator.evaluate("gender", unlabelled, DEFAULTS)).extracting(MetricResult::metric)
                .doesNotContain("equal_opportunity_difference", "equalized_odds_difference");

        Map<String, GroupStats> fewLabels = Map.of(
                "a", new GroupStats(1000, 550, 40, 36, 4, 80),
                "b", new GroupStats(1000, 400, 40, 20, 4, 80));
        List<MetricResult> results = evaluator.evaluate("gender", fewLabels, DEFAULTS);
        assertThat(only(results, FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).verdict())
                .isEqualTo(Verdict.INSUFFICIENT_DATA);
        assertThat(only(results, FairnessMetric.EQUALIZED_ODDS_DIFFERENCE).verdict())
                .isEqualTo(Verdict.INSUFFICIENT_DATA);
    }

    @Test
    void fewerThanTwoGroupsGiveNothingToCompare() {
        assertThat(evaluator.evaluate("gender", Map.of("a", new GroupStats(500, 100, 0, 0, 0, 0)), DEFAULTS))
                .isEmpty();
    }

    @Test
    void providersShownLowerForTheSameRelevanceBreachTheExposureRatio() {
        // majors always at ranks 1-3, indies at ranks 8-10, same relevance pattern: E/R ratio ≈ 0.3019/0.7103 = 0.425
        Map<String, ExposureStats> groups = new LinkedHashMap<>();
        groups.put("majors", impressions(1000, 1));
        groups.put("indies", impressions(1000, 8));

        MetricResult result = evaluator.evaluateExposure("providerGroup", groups, DEFAULTS).get(0);

        assertThat(result.metric()).isEqualTo("exposure_ratio");
        assertThat(result.verdict()).isEqualTo(Verdict.BREACH);
        assertThat(result.disadvantagedGroup()).isEqualTo("indies");
        assertThat(result.referenceGroup()).isEqualTo("majors");
        assertThat(result.value()).isCloseTo(FairnessMetrics.disparateExposureRatio(groups, "indies", "majors"),
                within(1e-12));
        assertThat(result.value()).isCloseTo(0.425, within(0.01));
        assertThat(result.ciLow()).isLessThan(result.value());
        assertThat(result.ciHigh()).isBetween(result.value(), 0.8);
    }

    @Test
    void exposureProportionalToRelevanceIsOkAndSmallGroupsAreInsufficient() {
        Map<String, ExposureStats> fair = Map.of("majors", impressions(1000, 1), "indies", impressions(1000, 1));
        MetricResult ok = evaluator.evaluateExposure("providerGroup", fair, DEFAULTS).get(0);
        assertThat(ok.value()).isCloseTo(1.0, within(1e-12));
        assertThat(ok.verdict()).isEqualTo(Verdict.OK);

        Map<String, ExposureStats> small = Map.of("majors", impressions(50, 1), "indies", impressions(50, 8));
        assertThat(evaluator.evaluateExposure("providerGroup", small, DEFAULTS).get(0).verdict())
                .isEqualTo(Verdict.INSUFFICIENT_DATA);
    }

    /** Alternating groups, approval drawn with a fixed seed: female at {@code femaleRate}, male at {@code maleRate}. */
    static Map<String, GroupStats> stream(int events, double femaleRate, double maleRate, long seed) {
        Random random = new Random(seed);
        GroupStats female = GroupStats.EMPTY;
        GroupStats male = GroupStats.EMPTY;
        for (int i = 0; i < events; i++) {
            if (i % 2 == 0) {
                female = female.add(random.nextDouble() < femaleRate, null);
            } else {
                male = male.add(random.nextDouble() < maleRate, null);
            }
        }
        return Map.of("female", female, "male", male);
    }

    /** Impressions cycling through ranks firstRank..firstRank+2 with relevance cycling 0.2, 0.5, 0.8, 0.4. */
    private static ExposureStats impressions(int count, int firstRank) {
        double[] relevance = {0.2, 0.5, 0.8, 0.4};
        ExposureStats stats = ExposureStats.EMPTY;
        for (int i = 0; i < count; i++) {
            stats = stats.add(firstRank + i % 3, relevance[i % relevance.length]);
        }
        return stats;
    }

    private static MetricResult only(List<MetricResult> results, FairnessMetric metric) {
        return results.stream().filter(r -> r.metric().equals(metric.id())).findFirst().orElseThrow();
    }
}
