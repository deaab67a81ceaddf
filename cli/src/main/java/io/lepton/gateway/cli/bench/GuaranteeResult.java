package io.lepton.gateway.cli.bench;

/**
 * Both contenders under one processing guarantee.
 *
 * @param offeredRate the latency phase's fixed load, records per second
 */
public record GuaranteeResult(String guarantee, ContenderResult baseline, ContenderResult gateway,
        double offeredRate) {

    /** Gateway throughput over baseline throughput. */
    public double throughputRatio() {
        return gateway.recordsPerSecond() / baseline.recordsPerSecond();
    }

    /** Gateway CPU time per record over the baseline's (whole JVM, broker included, for both). */
    public double cpuRatio() {
        return gateway.cpuMillisPerThousand() / baseline.cpuMillisPerThousand();
    }

    /** p99 latency the gateway adds over the baseline at the same offered load, in milliseconds. */
    public double addedP99Millis() {
        return gateway.latency().p99Millis() - baseline.latency().p99Millis();
    }
}
