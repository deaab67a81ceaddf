package io.lepton.loadtest.timing;

import io.lepton.gateway.engine.dp.NoiseKeys;
import io.lepton.gateway.engine.dp.NoiseSampler;
import io.lepton.gateway.engine.dp.NoiseSpec;
import io.lepton.gateway.engine.dp.RandomBits;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Median time per noise sample by |noise| band, for the production samplers as the sanitizer calls them: Laplace
 * (eu-gdpr's satisfaction: ε 0.5, sensitivity 4) and Gaussian (cn-pipl's: ε 0.5, δ 1e-6), each fed by the DRBG and
 * by per-event noise-PRF streams. Bands are in units of the noise scale (b resp. σ); a sampler whose running time
 * does not depend on the magnitude shows the same median in every band.
 *
 * <p>Usage: {@code java -cp <loadtest classpath> io.lepton.loadtest.timing.NoiseTimingHarness [samples]}. Each
 * sample is timed alone with {@link System#nanoTime()} after a warm-up of the same size; the timer's own cost
 * (about 20-30 ns) is in every band alike.
 */
public final class NoiseTimingHarness {

    private static final double[] BAND_EDGES = {0, 0.5, 1, 2, 4, 8, Double.POSITIVE_INFINITY};

    private NoiseTimingHarness() {}

    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 400_000;
        NoiseKeys keys = new NoiseKeys(Map.of("j", new byte[32]));
        for (NoiseSpec spec : List.of(NoiseSpec.laplace(0.5, 4), NoiseSpec.gaussian(0.5, 1e-6, 4))) {
            NoiseSampler sampler = NoiseSampler.of(spec, new SecureRandomBits());
            measure(sampler, samples, false, keys);
            report(spec.mechanism() + " drbg", measure(sampler, samples, false, keys), sampler.scale());
            measure(sampler, samples, true, keys);
            report(spec.mechanism() + " prf ", measure(sampler, samples, true, keys), sampler.scale());
        }
    }

    /** Pairs of (|noise|, nanoseconds) for {@code samples} draws. */
    private static double[][] measure(NoiseSampler sampler, int samples, boolean prf, NoiseKeys keys) {
        double[][] results = new double[samples][];
        for (int i = 0; i < samples; i++) {
            RandomBits bits = prf ? keys.bitsFor("j", "evt-" + i, "field") : null;
            long start = System.nanoTime();
            double noise = prf ? sampler.addNoise(0, bits) : sampler.sample();
            long elapsed = System.nanoTime() - start;
            results[i] = new double[] {Math.abs(noise), elapsed};
        }
        return results;
    }

    private static void report(String label, double[][] results, double scale) {
        StringBuilder line = new StringBuilder(label);
        for (int band = 0; band + 1 < BAND_EDGES.length; band++) {
            List<Double> times = new ArrayList<>();
            for (double[] result : results) {
                double units = result[0] / scale;
                if (units >= BAND_EDGES[band] && units < BAND_EDGES[band + 1]) {
                    times.add(result[1]);
                }
            }
            double[] sorted = times.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            String median = sorted.length == 0 ? "-" : String.format("%.0f", sorted[sorted.length / 2]);
            line.append(String.format("  [%s,%s): n=%d med=%sns", fmt(BAND_EDGES[band]), fmt(BAND_EDGES[band + 1]),
                    sorted.length, median));
        }
        System.out.println(line);
    }

    private static String fmt(double edge) {
        return Double.isInfinite(edge) ? "inf" : String.valueOf(edge);
    }
}
