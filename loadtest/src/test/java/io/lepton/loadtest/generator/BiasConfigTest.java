package io.lepton.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing the {@code --bias} option, table-driven. */
class BiasConfigTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "eu-gdpr:gender:F:0.55:0.80 | eu-gdpr | gender | F     | 0.55 | 0.80",
        "br-lgpd:age:60-69:0.5:0.9  | br-lgpd | age    | 60-69 | 0.5  | 0.9",
        "none                       | (none)  | gender | (none)| 0.80 | 0.80"})
    void parsesValidSpecs(String spec, String jurisdiction, String attribute, String group, double rate,
            double reference) {
        assertThat(BiasConfig.parse(spec))
                .isEqualTo(new BiasConfig(jurisdiction, attribute, group, rate, reference));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-gdpr:gender:F:0.55", "eu-gdpr:race:F:0.5:0.8", "eu-gdpr:gender:F:1.5:0.8",
        "eu-gdpr:gender:F:half:0.8"})
    void rejectsInvalidSpecsWithAReason(String spec) {
        assertThatThrownBy(() -> BiasConfig.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(".*(expected|attribute|within|numbers).*");
    }
}
