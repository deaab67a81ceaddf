package io.lepton.gateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static GuaranteeResult result(String guarantee, double baselineRate, double gatewayRate) {
        return new GuaranteeResult(guarantee,
                new ContenderResult(Contender.BASELINE, baselineRate, baselineRate * 500 / 1e6, 40.0,
                        new LatencySummary(6.0, 12.5, 20.0, 1000)),
                new ContenderResult(Contender.GATEWAY, gatewayRate, gatewayRate * 500 / 1e6, 55.5,
                        new LatencySummary(7.0, 15.0, 30.0, 1000)),
                4000);
    }

    @Test
    void rendersOneRowPerContenderAndGuaranteeAndTheHeadlineRatioLast() {
        BenchReport report = new BenchReport("machine: 2 cores", List.of(result("exactly_once_v2", 10_000, 9_000),
                result("at_least_once", 20_000, 10_000)));

        List<String> lines = report.render().lines().toList();

        assertThat(lines.get(0)).isEqualTo("machine: 2 cores");
        assertThat(lines.get(1)).startsWith("guarantee").contains("records/s", "p99.9 ms");
        assertThat(lines.get(2)).matches("exactly_once_v2 +baseline +10000 +5\\.00 +40\\.0 +6\\.00 +12\\.50 +20\\.00 +4000");
        assertThat(lines.get(3)).matches("exactly_once_v2 +gateway +9000 +4\\.50 +55\\.5 +7\\.00 +15\\.00 +30\\.00 +4000");
        assertThat(lines.get(5)).matches("at_least_once +gateway +10000 .*");
        assertThat(lines).contains("exactly_once_v2: throughput ratio 0.90, p99 added by the gateway +2.50 ms",
                "at_least_once: throughput ratio 0.50, p99 added by the gateway +2.50 ms");
        // The headline is the first guarantee measured (exactly-once when both run), not the best or the last.
        assertThat(lines.get(lines.size() - 1)).isEqualTo("throughput ratio: 0.90");
    }

    @Test
    void refusesAnEmptyReport() {
        assertThatThrownBy(() -> new BenchReport("machine", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
