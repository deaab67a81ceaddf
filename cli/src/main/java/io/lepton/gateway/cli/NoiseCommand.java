package io.lepton.gateway.cli;

import io.lepton.gateway.engine.dp.Mechanism;
import io.lepton.gateway.engine.dp.NoiseSampler;
import io.lepton.gateway.engine.dp.NoiseSpec;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./gateway noise}: prints N noise samples, one a line, from {@link NoiseSampler#sample()}, the exact code path
 * (grid, exact discrete sampler, secure randomness) that noises dp fields in the topology, so an auditor can test the
 * distribution with their own tools.
 */
@Command(name = "noise", mixinStandardHelpOptions = true,
        description = "Print DP noise samples from the gateway's own sampler, one per line (audit aid).")
final class NoiseCommand implements Callable<Integer> {

    @Option(names = "--mechanism", required = true, paramLabel = "laplace|gaussian",
            description = "laplace (pure ε-DP) or gaussian ((ε, δ)-DP).")
    String mechanism;

    @Option(names = "--epsilon", required = true, paramLabel = "E", description = "ε of one release, in (0, 100].")
    double epsilon;

    @Option(names = "--delta", paramLabel = "D", description = "δ in (0, 1); required for gaussian, refused for laplace.")
    Double delta;

    @Option(names = "--sensitivity", required = true, paramLabel = "S",
            description = "Largest change of the value between neighbouring inputs (a dp field's max - min).")
    double sensitivity;

    @Option(names = "--count", required = true, paramLabel = "N", description = "Number of samples to print.")
    long count;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        NoiseSampler sampler = NoiseSampler.of(noiseSpec(), new SecureRandomBits());
        PrintWriter out = spec.commandLine().getOut();
        for (long i = 0; i < count; i++) {
            out.println(sampler.sample());
        }
        out.flush();
        return 0;
    }

    private NoiseSpec noiseSpec() {
        Mechanism chosen;
        try {
            chosen = Mechanism.valueOf(mechanism.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--mechanism must be laplace or gaussian, not '"
                    + mechanism + "'");
        }
        if (chosen == Mechanism.LAPLACE && delta != null) {
            throw new ParameterException(spec.commandLine(), "--delta is not allowed with laplace: it is pure ε-DP");
        }
        if (chosen == Mechanism.GAUSSIAN && delta == null) {
            throw new ParameterException(spec.commandLine(), "--delta is required with gaussian, e.g. --delta 1e-6");
        }
        if (count < 0) {
            throw new ParameterException(spec.commandLine(), "--count must not be negative");
        }
        try {
            return new NoiseSpec(chosen, epsilon, delta == null ? 0 : delta, sensitivity);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
