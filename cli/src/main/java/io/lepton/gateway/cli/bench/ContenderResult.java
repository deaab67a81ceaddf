package io.lepton.gateway.cli.bench;

import java.util.List;

/**
 * What one contender achieved under one processing guarantee.
 *
 * @param recordsPerSecond maximum throughput draining the backlog, over all rounds
 * @param megabytesPerSecond the same in input bytes (key + value, 10^6 bytes)
 * @param cpuMillisPerThousand JVM CPU time per 1,000 records while draining (broker and clients included); the same
 *     number is CPU-seconds per million records
 * @param instanceCpuMillisPerThousand each Streams instance's own CPU time per 1,000 records of the aggregate
 * @param coresBusy JVM CPU-seconds per second while draining
 * @param outputs records written, by kind, over the throughput rounds
 * @param latency end-to-end latency at the guarantee's fixed offered load
 */
public record ContenderResult(Contender contender, double recordsPerSecond, double megabytesPerSecond,
        double cpuMillisPerThousand, List<Double> instanceCpuMillisPerThousand, double coresBusy, OutputMix outputs,
        LatencySummary latency) {

    public ContenderResult {
        instanceCpuMillisPerThousand = List.copyOf(instanceCpuMillisPerThousand);
    }
}
