package io.lepton.gateway.cli.bench;

import io.lepton.embedded.EmbeddedEnvironment;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.streams.RecordCodec;
import io.lepton.serdes.registry.RegistryClientConfig;
import io.lepton.serdes.registry.RestSchemaRegistryClient;
import io.lepton.serdes.registry.SchemaRegistryClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Runs the bench: starts the embedded broker and registry, writes the generated input once, then per processing
 * guarantee
 * <ol>
 *   <li>a throughput phase: each contender, under its own application id, drains the whole input from offset 0;
 *       rounds alternate which contender goes first;</li>
 *   <li>a latency phase: each contender in turn processes a paced stream at the same fixed offered load (a fraction
 *       of the slower contender's maximum), measured end to end.</li>
 * </ol>
 * Progress goes to {@code progress}; the result is a {@link BenchReport}.
 */
public final class BenchRunner {

    private static final Duration RUN_TIMEOUT_FLOOR = Duration.ofSeconds(60);
    /** Generous lower bound on throughput for the drain timeout: far below anything this machine class does. */
    private static final int MIN_EXPECTED_RECORDS_PER_SECOND = 200;

    private final BenchConfig config;
    private final GatewayEngine engine;
    private final PrintWriter progress;

    public BenchRunner(BenchConfig config, GatewayEngine engine, PrintWriter progress) {
        this.config = config;
        this.engine = engine;
        this.progress = progress;
    }

    public BenchReport run() {
        say("starting embedded Kafka and schema registry...");
        try (EmbeddedEnvironment environment = EmbeddedEnvironment.start()) {
            String bootstrap = environment.kafka().bootstrapServers();
            SchemaRegistryClient registry = new RestSchemaRegistryClient(
                    RegistryClientConfig.builder(environment.registry().confluentApiUrl()).build());
            BenchTopologies topologies = new BenchTopologies(engine, new RecordCodec(registry, engine.families().all()),
                    config.partitions());
            environment.kafka().createTopics(config.partitions(), topologies.allTopics());
            topologies.registerSchemas();
            say("generating and writing " + config.events() + " events...");
            BenchInput input = BenchInput.generate(config.events(), config.population(), config.seed(), registry);
            input.produceAll(bootstrap);
            List<GuaranteeResult> results = new ArrayList<>();
            try (ThroughputProbe probe = new ThroughputProbe(bootstrap, topologies.inputs(), config.partitions())) {
                for (String guarantee : config.guarantees()) {
                    results.add(new GuaranteeRun(guarantee, bootstrap, topologies, input, probe).measure());
                }
            }
            return new BenchReport(setup(input), results);
        }
    }

    private String setup(BenchInput input) {
        Runtime runtime = Runtime.getRuntime();
        String order = java.util.stream.IntStream.range(0, config.rounds())
                .mapToObj(r -> config.order(r).stream().map(Contender::label).collect(Collectors.joining("→")))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "machine: %d cores, %s %s, Java %s, max heap %d MB%n"
                + "run: %d events (mean %.0f B) about %d subjects, %d families, %d partitions, %d instance(s) of "
                + "1 stream thread, %d jurisdiction policies; %d warm-up round(s), then measured rounds: %s; "
                + "latency at %.0f%% of the slower maximum, %d s per contender, each round after %d s of warm-up",
                runtime.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), runtime.maxMemory() >> 20, input.count(),
                input.meanRecordBytes(), config.population(), engine.families().all().size(),
                config.partitions(), config.instances(), engine.policies().all().size(), config.warmupRounds(), order,
                config.loadFraction() * 100, config.latencySeconds(), BenchConfig.LATENCY_WARMUP_SECONDS);
    }

    private void say(String line) {
        progress.println("bench: " + line);
        progress.flush();
    }

    /** One throughput run: how fast, and what it wrote over the whole backlog. */
    private record Drained(ThroughputProbe.Measurement measurement, OutputMix outputs) {}

    /** Both phases under one processing guarantee. */
    private final class GuaranteeRun {

        private final String guarantee;
        private final String bootstrap;
        private final BenchTopologies topologies;
        private final BenchInput input;
        private final ThroughputProbe probe;

        GuaranteeRun(String guarantee, String bootstrap, BenchTopologies topologies, BenchInput input,
                ThroughputProbe probe) {
            this.guarantee = guarantee;
            this.bootstrap = bootstrap;
            this.topologies = topologies;
            this.input = input;
            this.probe = probe;
        }

        GuaranteeResult measure() {
            for (int round = 0; round < config.warmupRounds(); round++) {
                for (Contender contender : config.order(round)) {
                    drain(contender, "warm-up", round);
                }
            }
            Map<Contender, ThroughputProbe.Measurement> totals = new EnumMap<>(Contender.class);
            Map<Contender, OutputMix> outputs = new EnumMap<>(Contender.class);
            for (int round = 0; round < config.rounds(); round++) {
                for (Contender contender : config.order(round)) {
                    Drained drained = drain(contender, "throughput", round);
                    totals.merge(contender, drained.measurement(), ThroughputProbe.Measurement::plus);
                    outputs.merge(contender, drained.outputs(), OutputMix::plus);
                }
            }
            double baselineMax = totals.get(Contender.BASELINE).recordsPerSecond();
            double gatewayMax = totals.get(Contender.GATEWAY).recordsPerSecond();
            double offered = config.loadFraction() * Math.min(baselineMax, gatewayMax);
            Map<Contender, Histogram> latencies = new EnumMap<>(Contender.class);
            for (int round = 0; round < config.rounds(); round++) {
                for (Contender contender : config.order(round)) {
                    paced(contender, round, offered,
                            latencies.computeIfAbsent(contender, c -> LatencyProbe.newHistogram()));
                }
            }
            return new GuaranteeResult(guarantee, result(Contender.BASELINE, totals, outputs, latencies),
                    result(Contender.GATEWAY, totals, outputs, latencies), offered);
        }

        private Drained drain(Contender contender, String phase, int round) {
            String applicationId = applicationId(contender, phase, round);
            Duration timeout = RUN_TIMEOUT_FLOOR.plusSeconds(probe.total() / MIN_EXPECTED_RECORDS_PER_SECOND);
            try (StreamsApp app = StreamsApp.start(topologies.topology(contender), applicationId, guarantee,
                    bootstrap, true, config.instances())) {
                ThroughputProbe.Measurement m = probe.await(applicationId, app, timeout);
                OutputMix outputs = OutputMix.of(app.recordsSentByTopic(), probe.total());
                say(String.format(Locale.ROOT, "%s %s round %d %s: %.0f records/s, %.1f CPU ms per 1k records, "
                        + "%.2f records written per event", guarantee, phase, round + 1, contender.label(),
                        m.recordsPerSecond(), m.cpuMillisPerThousand(), outputs.totalPerInput()));
                return new Drained(m, outputs);
            }
        }

        private void paced(Contender contender, int round, double rate, Histogram histogram) {
            String applicationId = applicationId(contender, "latency", round);
            try (StreamsApp app = StreamsApp.start(topologies.topology(contender), applicationId, guarantee,
                    bootstrap, false, config.instances())) {
                long before = histogram.getTotalCount();
                new LatencyProbe(bootstrap, input.messages()).measure(topologies.outputs(contender),
                        guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2), rate,
                        Duration.ofSeconds(BenchConfig.LATENCY_WARMUP_SECONDS + config.latencySecondsPerRound()),
                        Duration.ofSeconds(BenchConfig.LATENCY_WARMUP_SECONDS), histogram);
                app.requireAlive();
                say(String.format(Locale.ROOT, "%s round %d %s: %d latency samples at %.0f records/s", guarantee,
                        round + 1, contender.label(), histogram.getTotalCount() - before, rate));
            }
        }

        private ContenderResult result(Contender contender, Map<Contender, ThroughputProbe.Measurement> totals,
                Map<Contender, OutputMix> outputs, Map<Contender, Histogram> latencies) {
            ThroughputProbe.Measurement total = totals.get(contender);
            List<Double> perInstance = new ArrayList<>();
            for (long nanos : total.instanceCpuNanos()) {
                perInstance.add(nanos / 1e6 / total.records() * 1000);
            }
            return new ContenderResult(contender, total.recordsPerSecond(),
                    total.recordsPerSecond() * input.meanRecordBytes() / 1e6, total.cpuMillisPerThousand(),
                    perInstance, total.coresBusy(), outputs.get(contender), LatencySummary.of(latencies.get(contender)));
        }

        private String applicationId(Contender contender, String phase, int round) {
            return "lepton-bench-" + guarantee.replace('_', '-') + "-" + contender.label() + "-" + phase + "-"
                    + round;
        }
    }
}
