package io.lepton.gateway.cli.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The bench's printed result: what was run on which machine, one table row per (guarantee, contender), what each
 * input event cost in records written, CPU and energy, the per-guarantee ratios and added latency, and as the last
 * line {@code throughput ratio: X} for the first guarantee measured ({@code exactly_once_v2} when both are), the
 * figure the gateway is held to.
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
        out.append(String.format(Locale.ROOT, "records written per input event; CPU and energy per million events "
                + "(Wh: marginal %.2f W / attributed %.2f W per busy vCPU, Cloud Carbon Footprint AWS averages)%n",
                EnergyEstimate.MAX_WATTS_PER_VCPU - EnergyEstimate.MIN_WATTS_PER_VCPU,
                EnergyEstimate.MAX_WATTS_PER_VCPU));
        out.append(String.format(Locale.ROOT, "%-16s %-9s %7s %6s %7s %9s %11s %6s %6s %9s %11s %6s %s%n",
                "guarantee", "topology", "events", "audit", "ledger", "changelog", "repartition", "other", "total",
                "CPU s/1M", "Wh/1M", "cores", "per-instance CPU ms/1k"));
        for (GuaranteeResult result : results) {
            for (ContenderResult row : List.of(result.baseline(), result.gateway())) {
                OutputMix mix = row.outputs();
                double cpuSeconds = row.cpuMillisPerThousand();
                out.append(String.format(Locale.ROOT,
                        "%-16s %-9s %7.3f %6.3f %7.3f %9.3f %11.3f %6.3f %6.3f %9.1f %5.3f-%5.3f %6.2f %s%n",
                        result.guarantee(), row.contender().label(), mix.perInput(mix.events()),
                        mix.perInput(mix.audit()), mix.perInput(mix.ledger()), mix.perInput(mix.changelog()),
                        mix.perInput(mix.repartition()),
                        mix.perInput(mix.other()), mix.totalPerInput(), cpuSeconds,
                        EnergyEstimate.marginalWattHours(cpuSeconds), EnergyEstimate.attributedWattHours(cpuSeconds),
                        row.coresBusy(), row.instanceCpuMillisPerThousand().stream()
                                .map(ms -> String.format(Locale.ROOT, "%.1f", ms))
                                .collect(Collectors.joining(" + "))));
            }
        }
        for (GuaranteeResult result : results) {
            out.append(String.format(Locale.ROOT, "%s: throughput ratio %.2f, p99 added by the gateway %+.2f ms, "
                    + "CPU per record %.2fx the baseline's%n", result.guarantee(), result.throughputRatio(),
                    result.addedP99Millis(), result.cpuRatio()));
        }
        out.append(String.format(Locale.ROOT, "throughput ratio: %.2f%n", headlineRatio()));
        return out.toString();
    }
}
