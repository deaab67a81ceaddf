package io.lepton.gateway.engine.fairness;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FairnessThresholdsTest {

    @ParameterizedTest
    @CsvSource({
        "0,   0.1, 0.1, 0.8, 100, 0.95",
        "1.2, 0.1, 0.1, 0.8, 100, 0.95",
        "0.8, 1,   0.1, 0.8, 100, 0.95",
        "0.8, 0.1, 0,   0.8, 100, 0.95",
        "0.8, 0.1, 0.1, 0,   100, 0.95",
        "0.8, 0.1, 0.1, 0.8, 0,   0.95",
        "0.8, 0.1, 0.1, 0.8, 100, 1",
        "0.8, 0.1, 0.1, 0.8, 100, NaN",
    })
    void rejectsThresholdsThatCouldNeverOrWouldAlwaysBreach(double minDi, double maxDpd, double maxEod,
                                                           double minExposure, long minSamples, double confidence) {
        assertThatThrownBy(() -> new FairnessThresholds(minDi, maxDpd, maxEod, minExposure, minSamples, confidence))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
