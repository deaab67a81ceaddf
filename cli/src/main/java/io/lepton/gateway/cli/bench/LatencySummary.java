package io.lepton.gateway.cli.bench;

import org.HdrHistogram.Histogram;

/**
 * End-to-end latency percentiles of one contender, in milliseconds.
 *
 * @param samples output records measured
 */
public record LatencySummary(double p50Millis, double p99Millis, double p999Millis, long samples) {

    /** Percentiles of a histogram of microseconds. */
    static LatencySummary of(Histogram micros) {
        return new LatencySummary(micros.getValueAtPercentile(50) / 1e3, micros.getValueAtPercentile(99) / 1e3,
                micros.getValueAtPercentile(99.9) / 1e3, micros.getTotalCount());
    }
}
