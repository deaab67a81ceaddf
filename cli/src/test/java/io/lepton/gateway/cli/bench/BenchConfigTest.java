package io.lepton.gateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchConfigTest {

    private static final List<String> BOTH = List.of("exactly_once_v2", "at_least_once");

    @Test
    void alternatesWhichContenderGoesFirst() {
        BenchConfig config = new BenchConfig(1000, 20, BOTH, 1, 2, 0.5, 2, 42, 2_000, 1);

        assertThat(config.order(0)).containsExactly(Contender.BASELINE, Contender.GATEWAY);
        assertThat(config.order(1)).containsExactly(Contender.GATEWAY, Contender.BASELINE);
        assertThat(config.latencySecondsPerRound()).isEqualTo(10);
    }

    @Test
    void everyRoundMeasuresAtLeastASecondAfterItsWarmUp() {
        assertThat(new BenchConfig(1000, 2, BOTH, 1, 2, 0.5, 2, 42, 2_000, 1).latencySecondsPerRound()).isEqualTo(1);
        assertThatThrownBy(() -> new BenchConfig(1000, 1, BOTH, 1, 2, 0.5, 2, 42, 2_000, 1)).hasMessageContaining("rounds");
    }

    @Test
    void rejectsSettingsThatCannotGiveAMeasurement() {
        assertThatThrownBy(() -> new BenchConfig(10, 20, BOTH, 1, 1, 0.5, 2, 42, 2_000, 1)).hasMessageContaining("events");
        assertThatThrownBy(() -> new BenchConfig(1000, 20, BOTH, 1, 1, 1.0, 2, 42, 2_000, 1)).hasMessageContaining("loadFraction");
        assertThatThrownBy(() -> new BenchConfig(1000, 20, List.of("exactly_once"), 1, 1, 0.5, 2, 42, 2_000, 1))
                .hasMessageContaining("exactly_once");
        assertThatThrownBy(() -> new BenchConfig(1000, 20, List.of(), 1, 1, 0.5, 2, 42, 2_000, 1))
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> new BenchConfig(1000, 20, BOTH, -1, 1, 0.5, 2, 42, 2_000, 1)).hasMessageContaining("warmup");
        assertThatThrownBy(() -> new BenchConfig(1000, 20, BOTH, 1, 1, 0.5, 2, 42, 0, 1))
                .hasMessageContaining("population");
        // Each instance needs a partition of its own, or it only idles and the scale-out figure means nothing.
        assertThatThrownBy(() -> new BenchConfig(1000, 20, BOTH, 1, 1, 0.5, 2, 42, 2_000, 3))
                .hasMessageContaining("instances");
    }
}
