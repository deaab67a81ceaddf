package io.lepton.gateway.cli.bench;

import java.util.List;
import java.util.Locale;

/**
 * The bench's printed result: what was run on which machine, one table row per (guarantee, contender), the
 * per-guarantee ratios and added latency, and as the last line {@code throughput ratio: X} for the first guarantee
 * measured ({@code exactly_once_v2} when both are), the figure the gateway is held to.
 *
 * @param setup one line describing the machine and the run
 */
public record BenchReport(String setup, List<GuaranteeResult> results) {

    public BenchReport {
        results = List.copyOf(results);
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one result");
        }
    }

    /** The headline: gateway / baseline throughput under the first guarantee measured. */
    public double headlineRatio() {
        return results.get(0).throughputRatio();
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(setup).append('\n');
        out.append(String.format(Locale.ROOT, "%-16s %-9s %10s %7s %11s %9s %9s %9s %12s%n", "guarantee", "topology",
                "records/s", "MB/s", "CPU ms/1k", "p50 ms", "p99 ms", "p99.9 ms", "at load/s"));
        for (GuaranteeResult result : results) {
            for (ContenderResult row : List.of(result.baseline(), result.gateway())) {
                LatencySummary latency = row.latency();
                out.append(String.format(Locale.ROOT, "%-16s %-9s %10.0f %7.2f %11.1f %9.2f %9.2f %9.2f %12.0f%n",
                        result.guarantee(), row.contender().label(), row.recordsPerSecond(),
                        row.megabytesPerSecond(), row.cpuMillisPerThousand(), latency.p50Millis(),
                        latency.p99Millis(), latency.p999Millis(), result.offeredRate()));
            }
        }
        for (GuaranteeResult result : results) {
            out.append(String.format(Locale.ROOT, "%s: throughput ratio %.2f, p99 added by the gateway %+.2f ms%n",
                    result.guarantee(), result.throughputRatio(), result.addedP99Millis()));
        }
        out.append(String.format(Locale.ROOT, "throughput ratio: %.2f%n", headlineRatio()));
        return out.toString();
    }
}
