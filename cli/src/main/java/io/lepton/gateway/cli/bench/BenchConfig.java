package io.lepton.gateway.cli.bench;

import java.util.List;
import org.apache.kafka.streams.StreamsConfig;

/**
 * What one bench run does.
 *
 * @param events records generated (once) and processed by each contender in each throughput run
 * @param latencySeconds measured length of the paced latency phase per contender (split over the rounds; each round
 *     adds its warm-up)
 * @param guarantees processing guarantees to measure, in order ({@code exactly_once_v2}, {@code at_least_once})
 * @param warmupRounds unmeasured throughput rounds run first (both contenders, alternating order), so that the
 *     JIT has compiled both topologies before anything is measured: a cold gateway runs several times slower
 * @param rounds measured throughput/latency rounds; round {@code r} runs the contenders in alternating order (baseline first
 *     in even rounds, gateway first in odd ones), so JIT warm-up favours neither
 * @param loadFraction the latency phase's offered load, as a fraction of the slower contender's measured maximum
 * @param partitions partitions of every topic
 * @param seed generator seed
 * @param population distinct data subjects the events are drawn from: a few thousand repeat within one commit
 *     interval, so per-subject state is written far less often than with a real customer base of millions
 * @param instances Streams instances per contender sharing its partitions (one stream thread each), at most
 *     {@code partitions}
 */
public record BenchConfig(int events, int latencySeconds, List<String> guarantees, int warmupRounds, int rounds,
        double loadFraction, int partitions, long seed, int population, int instances) {

    /**
     * Warm-up discarded at the start of every latency segment: each segment starts a fresh Streams app, and a fresh
     * gateway app takes a few seconds to settle (measured: per-second maximum latency of 0.4–1.1 s in its first 4–6 s,
     * about 0.1 s after; the baseline settles within one second).
     */
    public static final int LATENCY_WARMUP_SECONDS = 6;

    public BenchConfig {
        if (events < 100) {
            throw new IllegalArgumentException("events must be at least 100, got " + events);
        }
        if (warmupRounds < 0) {
            throw new IllegalArgumentException("warmupRounds must be >= 0, got " + warmupRounds);
        }
        if (rounds < 1 || latencySeconds < rounds) {
            throw new IllegalArgumentException("need rounds >= 1 and latencySeconds >= rounds, got rounds " + rounds
                    + ", latencySeconds " + latencySeconds);
        }
        if (!(loadFraction > 0 && loadFraction < 1)) {
            throw new IllegalArgumentException("loadFraction must be in (0, 1), got " + loadFraction);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        if (population < 1) {
            throw new IllegalArgumentException("population must be at least 1, got " + population);
        }
        if (instances < 1 || instances > partitions) {
            throw new IllegalArgumentException("instances must be between 1 and the partition count " + partitions
                    + ", got " + instances);
        }
        guarantees = List.copyOf(guarantees);
        for (String guarantee : guarantees) {
            if (!guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2) && !guarantee.equals(StreamsConfig.AT_LEAST_ONCE)) {
                throw new IllegalArgumentException("unknown processing guarantee " + guarantee);
            }
        }
        if (guarantees.isEmpty()) {
            throw new IllegalArgumentException("at least one processing guarantee is needed");
        }
    }

    /** Latency measured per contender per round, after its {@link #LATENCY_WARMUP_SECONDS} of warm-up. */
    public int latencySecondsPerRound() {
        return latencySeconds / rounds;
    }

    /** Contenders in the order round {@code round} runs them. */
    public List<Contender> order(int round) {
        return round % 2 == 0 ? List.of(Contender.BASELINE, Contender.GATEWAY)
                : List.of(Contender.GATEWAY, Contender.BASELINE);
    }
}
