package io.lepton.gateway.engine.fairness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FairnessMetricTest {

    @ParameterizedTest
    @CsvSource({
        "disparate_impact,              0.70, 0.8, true",
        "disparate_impact,              0.85, 0.8, false",
        "disparate_impact,              NaN,  0.8, false",
        "demographic_parity_difference, 0.15, 0.1, true",
        "demographic_parity_difference, 0.05, 0.1, false",
        "equal_opportunity_difference, -0.20, 0.1, true",
        "equal_opportunity_difference, -0.05, 0.1, false",
        "equal_opportunity_difference,  0.20, 0.1, true",
        "equalized_odds_difference,     0.30, 0.1, true",
        "exposure_ratio,                0.50, 0.8, true",
    })
    void knowsWhichSideOfItsThresholdIsUnfair(String id, double value, double threshold, boolean beyond) {
        assertThat(FairnessMetric.ofId(id).beyond(value, threshold)).isEqualTo(beyond);
    }

    @Test
    void identifiersRoundTripAndUnknownOnesAreRejected() {
        for (FairnessMetric metric : FairnessMetric.values()) {
            assertThat(FairnessMetric.ofId(metric.id())).isEqualTo(metric);
        }
        assertThatThrownBy(() -> FairnessMetric.ofId("accuracy")).isInstanceOf(IllegalArgumentException.class);
    }
}
