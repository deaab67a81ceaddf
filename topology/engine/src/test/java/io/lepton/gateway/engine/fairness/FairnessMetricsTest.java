package io.lepton.gateway.engine.fairness;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Reference vectors: small fixed datasets in the row form Fairlearn and AIF360 take (y_true, y_pred, sensitive
 * feature), with every metric worked out by hand from the libraries' definitions in the comments.
 */
class FairnessMetricsTest {

    private static final double EXACT = 1e-9;

    /*
     * Dataset 1, 24 rows, three groups. y = label (y_true), d = decision (y_pred).
     *
     *  group a (10 rows): d = 1 1 1 1 1 1 0 0 0 0     selected 6/10      → selection rate 0.6
     *                     y = 1 1 1 1 0 0 1 0 0 0     positives 5        TP = 4 (rows 1-4), FP = 2 (rows 5-6)
     *                                                 TPR = 4/5 = 0.8,   FPR = 2/5 = 0.4
     *  group b ( 8 rows): d = 1 1 0 0 0 0 0 0         selected 2/8       → 0.25
     *                     y = 1 0 1 1 1 0 0 0         positives 4        TP = 1, FP = 1
     *                                                 TPR = 1/4 = 0.25,  FPR = 1/4 = 0.25
     *  group c ( 6 rows): d = 1 1 1 0 0 0             selected 3/6       → 0.5
     *                     y = 1 1 0 1 0 0             positives 3        TP = 2, FP = 1
     *                                                 TPR = 2/3,         FPR = 1/3
     */
    private static final Map<String, GroupStats> DATASET = Map.of(
            "a", rows(new int[] {1, 1, 1, 1, 1, 1, 0, 0, 0, 0}, new int[] {1, 1, 1, 1, 0, 0, 1, 0, 0, 0}),
            "b", rows(new int[] {1, 1, 0, 0, 0, 0, 0, 0}, new int[] {1, 0, 1, 1, 1, 0, 0, 0}),
            "c", rows(new int[] {1, 1, 1, 0, 0, 0}, new int[] {1, 1, 0, 1, 0, 0}));

    @Test
    void countsFollowTheRows() {
        assertThat(DATASET.get("a")).isEqualTo(new GroupStats(10, 6, 5, 4, 2, 10));
        assertThat(DATASET.get("b")).isEqualTo(new GroupStats(8, 2, 4, 1, 1, 8));
        assertThat(DATASET.get("c")).isEqualTo(new GroupStats(6, 3, 3, 2, 1, 6));
    }

    @Test
    void fairlearnSelectionRateByGroup() {
        // MetricFrame(metrics=selection_rate, ...).by_group → a 0.6, b 0.25, c 0.5
        assertThat(FairnessMetrics.selectionRates(DATASET)).containsExactly(
                Map.entry("a", 0.6), Map.entry("b", 0.25), Map.entry("c", 0.5));
    }

    @Test
    void fairlearnDemographicParity() {
        // demographic_parity_difference = max − min = 0.6 − 0.25 = 0.35
        assertThat(FairnessMetrics.demographicParityDifference(DATASET)).isCloseTo(0.35, within(EXACT));
        // demographic_parity_ratio = min / max = 0.25 / 0.6 = 5/12 = 0.41666…
        assertThat(FairnessMetrics.demographicParityRatio(DATASET)).isCloseTo(5.0 / 12, within(EXACT));
    }

    @Test
    void fairlearnEqualizedOdds() {
        // TPR: a 0.8, b 0.25, c 0.6667 → difference 0.8 − 0.25 = 0.55
        assertThat(FairnessMetrics.truePositiveRateDifference(DATASET)).isCloseTo(0.55, within(EXACT));
        // FPR: a 0.4, b 0.25, c 0.3333 → difference 0.4 − 0.25 = 0.15
        assertThat(FairnessMetrics.falsePositiveRateDifference(DATASET)).isCloseTo(0.15, within(EXACT));
        // equalized_odds_difference = max(0.55, 0.15) = 0.55
        assertThat(FairnessMetrics.equalizedOddsDifference(DATASET)).isCloseTo(0.55, within(EXACT));
    }

    @Test
    void aif360PairwiseMetricsWithBUnprivilegedAndAPrivileged() {
        // disparate_impact = 0.25 / 0.6 = 0.41666…
        assertThat(FairnessMetrics.disparateImpact(DATASET, "b", "a")).isCloseTo(5.0 / 12, within(EXACT));
        // statistical_parity_difference = 0.25 − 0.6 = −0.35
        assertThat(FairnessMetrics.statisticalParityDifference(DATASET, "b", "a")).isCloseTo(-0.35, within(EXACT));
        // equal_opportunity_difference = TPR_b − TPR_a = 0.25 − 0.8 = −0.55
        assertThat(FairnessMetrics.equalOpportunityDifference(DATASET, "b", "a")).isCloseTo(-0.55, within(EXACT));
        // c against a: DI = 0.5/0.6 = 0.8333…, EOD = 2/3 − 0.8 = −0.1333…
        assertThat(FairnessMetrics.disparateImpact(DATASET, "c", "a")).isCloseTo(5.0 / 6, within(EXACT));
        assertThat(FairnessMetrics.equalOpportunityDifference(DATASET, "c", "a"))
                .isCloseTo(2.0 / 3 - 0.8, within(EXACT));
    }

    /*
     * Dataset 2: unknown labels. Group x: 4 rows with labels (d = 1 0 1 0, y = 1 1 0 0) and 4 rows with no label
     * (d = 1 1 1 0). Selection uses all 8 rows: 5/8 = 0.625. TPR over the labelled rows only: TP 1 / positives 2
     * = 0.5; FPR: FP 1 / negatives 2 = 0.5 — what Fairlearn returns on the labelled subset.
     * Group y: 4 labelled rows d = 1 1 1 0, y = 1 1 0 0 → selection 0.75, TPR 2/2 = 1, FPR 1/2 = 0.5.
     * equalized_odds_difference = max(|1 − 0.5|, |0.5 − 0.5|) = 0.5; demographic_parity_difference = 0.125.
     */
    @Test
    void unknownLabelsCountForSelectionButNotForErrorRates() {
        GroupStats x = rows(new int[] {1, 0, 1, 0}, new int[] {1, 1, 0, 0})
                .add(true, null).add(true, null).add(true, null).add(false, null);
        GroupStats y = rows(new int[] {1, 1, 1, 0}, new int[] {1, 1, 0, 0});
        Map<String, GroupStats> groups = Map.of("x", x, "y", y);
        assertThat(x).isEqualTo(new GroupStats(8, 5, 2, 1, 1, 4));
        assertThat(x.selectionRate()).isEqualTo(0.625);
        assertThat(x.truePositiveRate()).isEqualTo(0.5);
        assertThat(x.falsePositiveRate()).isEqualTo(0.5);
        assertThat(FairnessMetrics.equalizedOddsDifference(groups)).isCloseTo(0.5, within(EXACT));
        assertThat(FairnessMetrics.demographicParityDifference(groups)).isCloseTo(0.125, within(EXACT));
    }

    @Test
    void undefinedRatesAreLeftOutOfTheAggregates() {
        GroupStats noPositives = new GroupStats(3, 1, 0, 0, 1, 3);
        Map<String, GroupStats> groups = Map.of("a", DATASET.get("a"), "b", DATASET.get("b"), "z", noPositives);
        assertThat(noPositives.truePositiveRate()).isNaN();
        assertThat(FairnessMetrics.truePositiveRates(groups)).containsOnlyKeys("a", "b");
        assertThat(FairnessMetrics.truePositiveRateDifference(groups)).isCloseTo(0.55, within(EXACT));
        assertThat(FairnessMetrics.demographicParityRatio(Map.of("a", new GroupStats(5, 0, 0, 0, 0, 0)))).isNaN();
        assertThatThrownBy(() -> FairnessMetrics.disparateImpact(groups, "nope", "a"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /*
     * Exposure, one ranking of four items (Singh & Joachims 2018, position weight v_k = 1/log2(1+k)):
     *   rank 1: big,   relevance 0.9, v = 1/log2 2 = 1
     *   rank 2: big,   relevance 0.8, v = 1/log2 3 = 0.6309297535714575
     *   rank 3: small, relevance 0.9, v = 1/log2 4 = 0.5
     *   rank 4: small, relevance 0.7, v = 1/log2 5 = 0.43067655807339306
     * E_big = 1.6309297535714575, R_big = 1.7 → E/R = 0.9593704432773279
     * E_small = 0.9306765580733931, R_small = 1.6 → E/R = 0.5816728487958707
     * exposure share big = 1.63093 / 2.56161 = 0.6366824387328317; relevance share big = 1.7 / 3.3 = 0.5151515…
     * disparate exposure ratio small:big = 0.5816728487958707 / 0.9593704432773279 = 0.6063068263900276
     */
    @Test
    void singhJoachimsExposure() {
        Map<String, ExposureStats> groups = Map.of(
                "big", ExposureStats.EMPTY.add(1, 0.9).add(2, 0.8),
                "small", ExposureStats.EMPTY.add(3, 0.9).add(4, 0.7));
        assertThat(ExposureStats.positionWeight(2)).isCloseTo(0.6309297535714575, within(1e-15));
        assertThat(groups.get("big").exposure()).isCloseTo(1.6309297535714575, within(EXACT));
        assertThat(groups.get("small").exposure()).isCloseTo(0.9306765580733931, within(EXACT));
        assertThat(FairnessMetrics.exposureShares(groups).get("big")).isCloseTo(0.6366824387328317, within(EXACT));
        assertThat(FairnessMetrics.relevanceShares(groups).get("big")).isCloseTo(1.7 / 3.3, within(EXACT));
        assertThat(FairnessMetrics.disparateExposureRatio(groups, "small", "big"))
                .isCloseTo(0.6063068263900276, within(EXACT));
        assertThat(FairnessMetrics.exposureRatio(groups)).isCloseTo(0.6063068263900276, within(EXACT));
        // the share form gives the same ratio: (share_E / share_R)_small / (share_E / share_R)_big
        double shareForm = (FairnessMetrics.exposureShares(groups).get("small")
                / FairnessMetrics.relevanceShares(groups).get("small"))
                / (FairnessMetrics.exposureShares(groups).get("big")
                / FairnessMetrics.relevanceShares(groups).get("big"));
        assertThat(shareForm).isCloseTo(0.6063068263900276, within(EXACT));
    }

    /** Feeds rows (decision, label) the way the topology does. */
    static GroupStats rows(int[] decisions, int[] labels) {
        GroupStats stats = GroupStats.EMPTY;
        for (int i = 0; i < decisions.length; i++) {
            stats = stats.add(decisions[i] == 1, labels[i] == 1);
        }
        return stats;
    }
}
