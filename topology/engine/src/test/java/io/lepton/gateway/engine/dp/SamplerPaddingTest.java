package io.lepton.gateway.engine.dp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The padded samplers consume as many random words for a small noise value as for a large one: random words drawn
 * are the deterministic part of a sample's running time (NoiseTimingHarness in the loadtest module measures the
 * time itself). Without padding, a Laplace sample of |x| in [4b, 8b) draws several times the words of one below b.
 * The residual: a Bernoulli(e^-1) trial that succeeds draws a few more words on average than one that fails, and a
 * large sample's counted trials are successes, so about 8% more words remain (measured: 1.084).
 */
class SamplerPaddingTest {

    @Test
    void laplaceWordsDoNotGrowWithTheMagnitude() {
        double[] means = meanWordsByBand(new DiscreteLaplace(1000, 1), 1000, 200_000, 11);
        assertThat(means[1] / means[0]).as("words in [4b, 8b) vs [0, b)").isBetween(1.0, 1.15);
    }

    @Test
    void gaussianWordsDoNotGrowWithTheMagnitudeBelowThreeSigma() {
        DiscreteGaussian gaussian = new DiscreteGaussian(BigInteger.valueOf(1_000_000), BigInteger.ONE);
        double[] means = meanWordsByBand(gaussian, 1000, 200_000, 12);
        assertThat(means[1] / means[0]).as("words in [2σ, 3σ) vs [0, σ)").isBetween(0.90, 1.10);
    }

    /** Mean words drawn for samples with |x| < scale, and with |x| in [2, 3) scales (Gaussian) or [4, 8) (Laplace). */
    private static double[] meanWordsByBand(IntegerNoise noise, double scale, int samples, long seed) {
        RandomBits source = SecureRandomBits.seeded(seed);
        long[] counter = {0};
        RandomBits counting = () -> {
            counter[0]++;
            return source.nextLong();
        };
        boolean laplace = noise instanceof DiscreteLaplace;
        double low = laplace ? 4 : 2;
        double high = laplace ? 8 : 3;
        double[] sums = new double[2];
        long[] counts = new long[2];
        for (int i = 0; i < samples; i++) {
            counter[0] = 0;
            double units = Math.abs(noise.sample(counting)) / scale;
            int band = units < 1 ? 0 : units >= low && units < high ? 1 : -1;
            if (band >= 0) {
                sums[band] += counter[0];
                counts[band]++;
            }
        }
        assertThat(counts[1]).as("enough large samples to compare").isGreaterThan(500);
        return new double[] {sums[0] / counts[0], sums[1] / counts[1]};
    }
}
