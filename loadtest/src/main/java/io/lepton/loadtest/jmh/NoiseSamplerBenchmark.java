package io.lepton.loadtest.jmh;

import io.lepton.gateway.engine.dp.NoiseSampler;
import io.lepton.gateway.engine.dp.NoiseSpec;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exact DP noise samplers with the production randomness ({@link SecureRandomBits}: per-thread AES-CTR keyed from
 * a DRBG): discrete Laplace (ε = 1) and discrete Gaussian (ε = 1, δ = 1e-6), sensitivity 4 as for a 1–5 rating.
 * Scores are samples per second on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class NoiseSamplerBenchmark {

    private NoiseSampler laplace;
    private NoiseSampler gaussian;

    @Setup
    public void setUp() {
        SecureRandomBits bits = new SecureRandomBits();
        laplace = NoiseSampler.of(NoiseSpec.laplace(1.0, 4.0), bits);
        gaussian = NoiseSampler.of(NoiseSpec.gaussian(1.0, 1e-6, 4.0), bits);
    }

    @Benchmark
    public double laplace() {
        return laplace.addNoise(3.0);
    }

    @Benchmark
    public double gaussian() {
        return gaussian.addNoise(3.0);
    }
}
