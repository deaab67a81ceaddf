package io.lepton.gateway.engine.fairness.pooled;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoundedSizesTest {

    @Test
    void roundsHalfUpToTens() {
        assertThat(RoundedSizes.round(104)).isEqualTo(100);
        assertThat(RoundedSizes.round(105)).isEqualTo(110);
        assertThat(RoundedSizes.round(1_234)).isEqualTo(1_230);
    }
}
