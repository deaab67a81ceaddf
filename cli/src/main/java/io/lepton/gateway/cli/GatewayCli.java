package io.lepton.gateway.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./gateway} (all commands but {@code run}, which starts the Quarkus server directly). */
@Command(name = "gateway", mixinStandardHelpOptions = true, version = "lepton-gateway 0.1.0",
        description = "Lepton Privacy Gateway command line.",
        subcommands = {DemoCommand.class, ReplayCommand.class, DryRunCommand.class, ExplainCommand.class,
                PolicyCommand.class, NoiseCommand.class, BenchCommand.class})
public final class GatewayCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Kafka's loggers, held so the level set here stays set. Left unconfigured (the command line has no logging
     * set-up), they report TRACE as enabled and every client send formats trace messages: measured by profiling at
     * about a seventh of the gateway's Streams thread in replay, demo and bench.
     */
    private static final Logger KAFKA_LOGGER = Logger.getLogger("org.apache.kafka");

    public static void main(String[] args) {
        KAFKA_LOGGER.setLevel(Level.WARNING);
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared with tests so they run exactly what users run. */
    public static CommandLine commandLine() {
        return new CommandLine(new GatewayCli())
                .setExecutionExceptionHandler((e, cmd, parseResult) -> {
                    cmd.getErr().println("error: " + e.getMessage());
                    return 1;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
