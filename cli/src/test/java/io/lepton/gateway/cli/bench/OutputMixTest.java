package io.lepton.gateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputMixTest {

    @Test
    void classifiesTopicsByWhatTheyCarryAndCountsPerInputRecord() {
        OutputMix mix = OutputMix.of(Map.of(
                "sanitized.eu-gdpr.recommendation", 300L,
                "bench.passthrough.recommendation", 100L,
                "privacy.audit.eu-gdpr", 200L,
                "app-dp-ledger-eu-gdpr-changelog", 150L,
                "app-eu-gdpr.fairness-state.recommendation-changelog", 40L,
                "app-subject-recommendation-repartition", 20L,
                "quarantine.eu-gdpr", 5L,
                "fairness.alerts.eu-gdpr", 1L), 400);

        assertThat(mix).isEqualTo(new OutputMix(400, 400, 200, 150, 40, 20, 6));
        assertThat(mix.perInput(mix.ledger())).isEqualTo(0.375);
        assertThat(mix.totalPerInput()).isEqualTo(816 / 400.0);
    }

    @Test
    void sumsRoundsRecordByRecord() {
        OutputMix round = new OutputMix(100, 90, 100, 30, 7, 0, 10);

        OutputMix both = OutputMix.NONE.plus(round).plus(new OutputMix(100, 95, 100, 50, 3, 2, 5));

        assertThat(both).isEqualTo(new OutputMix(200, 185, 200, 80, 10, 2, 15));
        assertThat(both.perInput(both.ledger())).isEqualTo(0.4);
    }
}
