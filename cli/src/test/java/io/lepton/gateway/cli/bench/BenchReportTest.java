package io.lepton.gateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static GuaranteeResult result(String guarantee, double baselineRate, double gatewayRate) {
        return new GuaranteeResult(guarantee,
                new ContenderResult(Contender.BASELINE, baselineRate, baselineRate * 500 / 1e6, 40.0,
                        List.of(18.0, 17.5), 1.6, new OutputMix(1000, 1000, 0, 0, 0, 0, 0),
                        new LatencySummary(6.0, 12.5, 20.0, 1000)),
                new ContenderResult(Contender.GATEWAY, gatewayRate, gatewayRate * 500 / 1e6, 55.5,
                        List.of(30.0, 25.0), 1.8, new OutputMix(1000, 950, 1000, 310, 100, 0, 50),
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
        assertThat(lines).contains(
                "exactly_once_v2: throughput ratio 0.90, p99 added by the gateway +2.50 ms, CPU per record 1.39x the "
                        + "baseline's",
                "at_least_once: throughput ratio 0.50, p99 added by the gateway +2.50 ms, CPU per record 1.39x the "
                        + "baseline's");
        // The headline is the first guarantee measured (exactly-once when both run), not the best or the last.
        assertThat(lines.get(lines.size() - 1)).isEqualTo("throughput ratio: 0.90");
    }

    @Test
    void reportsRecordsWrittenPerEventAndCpuAndEnergyPerMillionEvents() {
        List<String> lines = new BenchReport("machine", List.of(result("exactly_once_v2", 10_000, 9_000))).render()
                .lines().toList();

        // 55.5 CPU ms per 1k records = 55.5 CPU-seconds per million; at 3.5 W per busy vCPU that is 55.5 * 3.5 / 3600
        // = 0.054 Wh, of which (3.5 - 0.74) / 3.5 is added by the work: 0.043 Wh.
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                "exactly_once_v2 +gateway +0\\.950 +1\\.000 +0\\.310 +0\\.100 +0\\.000 +0\\.050 +2\\.410 +55\\.5 "
                        + "+0\\.043-0\\.054 +1\\.80 30\\.0 \\+ 25\\.0"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                "exactly_once_v2 +baseline +1\\.000 +0\\.000 +0\\.000 +0\\.000 +0\\.000 +0\\.000 +1\\.000 +40\\.0 .*"));
    }

    @Test
    void refusesAnEmptyReport() {
        assertThatThrownBy(() -> new BenchReport("machine", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
