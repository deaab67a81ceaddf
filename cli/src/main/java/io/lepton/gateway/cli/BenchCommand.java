package io.lepton.gateway.cli;

import io.lepton.gateway.cli.bench.BenchConfig;
import io.lepton.gateway.cli.bench.BenchReport;
import io.lepton.gateway.cli.bench.BenchRunner;
import io.lepton.gateway.engine.GatewayEngine;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./gateway bench}: the gateway topology against a decode/re-encode pass-through baseline on the embedded
 * broker and registry, in one run; prints a table and, last, {@code throughput ratio: X}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Load test: gateway vs pass-through baseline on the embedded broker + registry.")
final class BenchCommand implements Callable<Integer> {

    /** --quick: small enough for CI, still every phase. */
    private static final int QUICK_EVENTS = 30_000;
    private static final int QUICK_SECONDS = 4;
    /** Partitions of every topic: one per core of the reference machine. */
    private static final int PARTITIONS = 2;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--events", defaultValue = "100000", paramLabel = "N",
            description = "Events each contender drains per throughput run (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--seconds", defaultValue = "20", paramLabel = "S",
            description = "Latency phase length per contender and guarantee (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--guarantee", defaultValue = "both", paramLabel = "G",
            description = "exactly_once_v2, at_least_once or both (default: ${DEFAULT-VALUE}).")
    String guarantee;

    @Option(names = "--rounds", defaultValue = "2", paramLabel = "R",
            description = "Rounds, alternating which contender goes first (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup-rounds", defaultValue = "1", paramLabel = "W",
            description = "Unmeasured throughput rounds first, so the JIT has compiled both topologies "
                    + "(default: ${DEFAULT-VALUE}).")
    int warmupRounds;

    @Option(names = "--load", defaultValue = "0.25", paramLabel = "F",
            description = "Latency phase load as a fraction of the slower maximum (default: ${DEFAULT-VALUE}).")
    double load;

    @Option(names = "--quick", description = "CI mode: " + QUICK_EVENTS + " events, " + QUICK_SECONDS
            + " s of latency, one round, no warm-up (the figures are not meaningful, the run is).")
    boolean quick;

    @Option(names = "--population", defaultValue = "2000", paramLabel = "N",
            description = "Distinct data subjects the events are drawn from; 1000000 behaves like a real customer "
                    + "base, where a subject rarely repeats within a commit interval (default: ${DEFAULT-VALUE}).")
    int population;

    @Option(names = "--instances", defaultValue = "1", paramLabel = "I",
            description = "Streams instances per contender sharing its partitions, to show scale-out "
                    + "(1 or 2; default: ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> guarantees = guarantees();
        if (guarantees == null) {
            err.println("error: --guarantee must be exactly_once_v2, at_least_once or both");
            return 2;
        }
        BenchConfig config;
        try {
            config = quick
                    ? new BenchConfig(QUICK_EVENTS, QUICK_SECONDS, guarantees, 0, 1, load, PARTITIONS, seed, population,
                            instances)
                    : new BenchConfig(events, seconds, guarantees, warmupRounds, rounds, load, PARTITIONS, seed,
                            population, instances);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        GatewayEngine engine = engineOptions.engine(err);
        BenchReport report = new BenchRunner(config, engine, err).run();
        out.print(report.render());
        out.flush();
        return 0;
    }

    private List<String> guarantees() {
        return switch (guarantee) {
            case "both" -> List.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE);
            case StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE -> List.of(guarantee);
            default -> null;
        };
    }
}
