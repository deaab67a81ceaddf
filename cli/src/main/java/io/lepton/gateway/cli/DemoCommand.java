package io.lepton.gateway.cli;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.loadtest.generator.BiasConfig;
import io.lepton.loadtest.generator.GeneratorMain;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./gateway demo}: the embedded default. Starts the in-process broker, the Apicurio registry, the real gateway
 * topology and the synthetic generator; prints where to attach one's own clients, then a live summary of what the
 * gateway writes every few seconds, and a final summary. Stops after {@code --seconds} or on Ctrl-C, exit code 0,
 * leaving no process or temporary directory behind.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run broker + registry + gateway + synthetic traffic in-process and summarize the outputs.")
final class DemoCommand implements Callable<Integer> {

    /** How long to wait for in-flight records to reach the outputs after the generator stops. */
    private static final long DRAIN_MILLIS = 10_000;
    private static final long DRAIN_QUIET_MILLIS = 1_500;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--seconds", defaultValue = "60", paramLabel = "N",
            description = "Run this long; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE}).")
    long seconds;

    @Option(names = "--rate", defaultValue = "400", paramLabel = "R",
            description = "Synthetic records per second; 0 for none, to attach your own producers "
                    + "(default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bias", defaultValue = "eu-gdpr:gender:F:0.55:0.80", converter = GeneratorMain.BiasConverter.class,
            paramLabel = "JURISDICTION:ATTRIBUTE:GROUP:RATE:REFERENCE_RATE",
            description = "Decision bias the generator injects, or 'none' (default: ${DEFAULT-VALUE}).")
    BiasConfig bias;

    @Option(names = "--every", defaultValue = "5", paramLabel = "SECONDS",
            description = "Seconds between live summaries (default: ${DEFAULT-VALUE}).")
    long every;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (seconds < 0 || rate < 0 || every < 1) {
            err.println("error: --seconds and --rate must be >= 0 and --every >= 1");
            return 2;
        }
        try (StopSignal stop = StopSignal.install()) {
            GatewayEngine engine = engineOptions.policyDir == null
                    ? engineOptions.engine(DemoPolicies::derive, err) : engineOptions.engine(err);
            err.println("starting embedded Kafka, schema registry and gateway...");
            err.flush();
            try (EmbeddedGateway gateway = EmbeddedGateway.start(engine)) {
                out.println("Kafka bootstrap servers:  " + gateway.bootstrapServers());
                out.println("Schema registry (ccompat): " + gateway.registryUrl());
                out.println("Produce Avro to raw.<family>; read sanitized.<jurisdiction>.<family>, "
                        + "quarantine.<jurisdiction>, fairness.alerts.<jurisdiction>, dp-aggregates.*. " + (rate > 0
                        ? "Generating " + rate + " events/s." : "No synthetic traffic (--rate 0)."));
                out.println(seconds > 0 ? "Running for " + seconds + " s (Ctrl-C stops early)." : "Ctrl-C stops.");
                out.flush();
                Map<String, Long> sent;
                try (OutputTally tally = OutputTally.start(gateway.bootstrapServers(), gateway.registry())) {
                    DemoTraffic traffic = rate > 0
                            ? DemoTraffic.start(gateway.bootstrapServers(), gateway.registry(), rate, seed, bias)
                            : null;
                    try {
                        runUntilDone(stop, tally, out);
                    } finally {
                        if (traffic != null) {
                            traffic.close();
                        }
                    }
                    sent = traffic == null ? Map.of() : traffic.sent();
                    DemoSnapshot last = drain(tally);
                    out.print(DemoReport.summary(last, sent));
                    out.flush();
                }
            }
            err.println("stopped: broker, registry and gateway shut down, temporary files removed");
            err.flush();
        }
        return 0;
    }

    private void runUntilDone(StopSignal stop, OutputTally tally, PrintWriter out) throws InterruptedException {
        long deadline = seconds == 0 ? Long.MAX_VALUE : System.nanoTime() + seconds * 1_000_000_000L;
        DemoSnapshot previous = tally.snapshot();
        while (true) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0 || stop.awaitStop(Math.min(every * 1_000, remainingMillis))) {
                return;
            }
            if (System.nanoTime() < deadline) {
                DemoSnapshot current = tally.snapshot();
                out.print(DemoReport.live(previous, current));
                out.flush();
                previous = current;
            }
        }
    }

    /** Waits until the outputs stop growing (the gateway caught up with the last records), within limits. */
    private static DemoSnapshot drain(OutputTally tally) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000;
        DemoSnapshot last = tally.snapshot();
        while (System.nanoTime() < deadline) {
            Thread.sleep(DRAIN_QUIET_MILLIS);
            DemoSnapshot next = tally.snapshot();
            if (next.total() == last.total()) {
                return next;
            }
            last = next;
        }
        return last;
    }
}
