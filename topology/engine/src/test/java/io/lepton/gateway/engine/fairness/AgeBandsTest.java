package io.lepton.gateway.engine.fairness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgeBandsTest {

    @ParameterizedTest
    @CsvSource({
        "10, 80,   0, 0-9",
        "10, 80,  30, 30-39",
        "10, 80,  39, 30-39",
        "10, 80,  79, 70-79",
        "10, 80,  80, 80+",
        "10, 80, 150, 80+",
        " 5, 65,  17, 15-19",
        "10, 75,  72, 70-74",
        "10, 75,  75, 75+",
        "10, 80,  -1, unknown",
        "10, 80, 151, unknown",
    })
    void bandsAges(int width, int openBandStart, int age, String band) {
        assertThat(new AgeBands(width, openBandStart).band(age)).isEqualTo(band);
    }

    @Test
    void missingAgeIsUnknown() {
        assertThat(AgeBands.DECADES.band(null)).isEqualTo(AgeBands.UNKNOWN);
    }

    @Test
    void rejectsEmptyBands() {
        assertThatThrownBy(() -> new AgeBands(0, 80)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AgeBands(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
