package io.lepton.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./gateway} (all commands but {@code run}, which starts the Quarkus server directly). */
@Command(name = "gateway", mixinStandardHelpOptions = true, version = "lepton-gateway 0.1.0",
        description = "Lepton Privacy Gateway command line.",
        subcommands = {DemoCommand.class, ReplayCommand.class, DryRunCommand.class, ExplainCommand.class,
                PolicyCommand.class, BenchCommand.class})
public final class GatewayCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
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
