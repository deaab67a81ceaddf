package io.lepton.gateway.cli.bench;

/**
 * What one contender achieved under one processing guarantee.
 *
 * @param recordsPerSecond maximum throughput draining the backlog, over all rounds
 * @param megabytesPerSecond the same in input bytes (key + value, 10^6 bytes)
 * @param cpuMillisPerThousand JVM CPU time per 1,000 records while draining (broker and clients included)
 * @param latency end-to-end latency at the guarantee's fixed offered load
 */
public record ContenderResult(Contender contender, double recordsPerSecond, double megabytesPerSecond,
        double cpuMillisPerThousand, LatencySummary latency) {
}
