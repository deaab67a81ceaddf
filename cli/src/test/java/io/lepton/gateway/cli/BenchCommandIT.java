package io.lepton.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./gateway bench --quick} end to end, in-process as the launcher runs it: real broker, registry and both
 * topologies. Asserts the shape of the output only; timings on a shared CI machine prove nothing.
 */
class BenchCommandIT {

    @Test
    void quickBenchPrintsTheTableAndTheRatioLineLast() {
        CliRunner result = CliRunner.run("bench", "--quick", "--guarantee", "at_least_once");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("machine: \\d+ cores, .*"))
                .anySatisfy(line -> assertThat(line).startsWith("guarantee").contains("records/s", "MB/s",
                        "CPU ms/1k", "p50 ms", "p99 ms", "p99.9 ms"))
                .anySatisfy(line -> assertThat(line).startsWith("guarantee").contains("audit", "ledger", "changelog",
                        "repartition", "CPU s/1M", "Wh/1M", "per-instance CPU ms/1k"))
                .anySatisfy(line -> assertThat(line).matches("at_least_once +baseline +\\d+ .*"))
                .anySatisfy(line -> assertThat(line).matches("at_least_once +gateway +\\d+ .*"));
        assertThat(lines.get(lines.size() - 1)).matches("throughput ratio: \\d+\\.\\d+");
    }
}
