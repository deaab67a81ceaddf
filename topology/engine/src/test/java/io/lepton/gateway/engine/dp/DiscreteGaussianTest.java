package io.lepton.gateway.engine.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscreteGaussianTest {

    private static final int N = 200_000;

    @ParameterizedTest
    @CsvSource({"9, 2", "1, 4", "25, 1"})
    void matchesTheNormalizedPmfByChiSquareAndVariance(long varianceNumerator, long varianceDenominator) {
        double sigmaSquared = (double) varianceNumerator / varianceDenominator;
        DiscreteGaussian gaussian = new DiscreteGaussian(BigInteger.valueOf(varianceNumerator),
                BigInteger.valueOf(varianceDenominator));
        long[] samples = DiscreteLaplaceTest.samples(gaussian,
                SecureRandomBits.seeded(varianceNumerator * 7 + varianceDenominator), N);

        // Exact pmf, normalized numerically over |y| <= 40σ + 10 (the mass beyond is below e^-800).
        int radius = (int) (40 * Math.sqrt(sigmaSquared)) + 10;
        double[] pmf = new double[2 * radius + 1];
        double total = 0;
        for (int y = -radius; y <= radius; y++) {
            pmf[y + radius] = Math.exp(-(double) y * y / (2 * sigmaSquared));
            total += pmf[y + radius];
        }
        double exactVariance = 0;
        for (int y = -radius; y <= radius; y++) {
            pmf[y + radius] /= total;
            exactVariance += pmf[y + radius] * y * y;
        }

        ChiSquareBins bins = ChiSquareBins.of(pmf, radius, samples);
        assertThat(Statistics.chiSquare(bins.observed(), bins.expected()))
                .isLessThan(Statistics.chiSquareCritical(bins.observed().length - 1));

        double variance = Statistics.meanAndVariance(Statistics.toDoubles(samples))[1];
        // Normal kurtosis 3: the sample variance has relative sd √(2/N) = 0.32%; allow 5 sd.
        assertThat(variance / exactVariance).isCloseTo(1, within(5 * Math.sqrt(2.0 / N)));
        if (sigmaSquared >= 1) {
            assertThat(exactVariance / sigmaSquared).isCloseTo(1, within(1e-6)); // Var ≈ σ² for σ >= 1
        }
    }

    @Test
    void staysExactAndFastAtSigmaNearTwoToTheForty() {
        long sigma = (1L << 40) + 12345;
        long[] samples = DiscreteLaplaceTest.samples(DiscreteGaussian.withSigma(sigma), SecureRandomBits.seeded(3), N);

        double ks = Statistics.ksContinuous(Statistics.toDoubles(samples), x -> Statistics.normalCdf(x / sigma));
        assertThat(ks).isLessThan(Statistics.KS_CRITICAL_0_001 / Math.sqrt(N));
        double variance = Statistics.meanAndVariance(Statistics.toDoubles(samples))[1];
        assertThat(variance / ((double) sigma * sigma)).isCloseTo(1, within(5 * Math.sqrt(2.0 / N)));
    }

    /** Integer bins merged until each expects at least 5 samples, with the two tails as open-ended bins. */
    private record ChiSquareBins(long[] observed, double[] expected) {

        static ChiSquareBins of(double[] pmf, int radius, long[] samples) {
            long[] counts = new long[pmf.length];
            for (long y : samples) {
                counts[(int) Math.max(0, Math.min(pmf.length - 1, y + radius))]++;
            }
            List<long[]> observed = new ArrayList<>();
            List<Double> expected = new ArrayList<>();
            long count = 0;
            double mass = 0;
            for (int i = 0; i < pmf.length; i++) {
                count += counts[i];
                mass += pmf[i] * samples.length;
                if (mass >= 5 && i < pmf.length - 1) {
                    observed.add(new long[] {count});
                    expected.add(mass);
                    count = 0;
                    mass = 0;
                }
            }
            // The leftover upper tail joins the last bin.
            int last = observed.size() - 1;
            observed.get(last)[0] += count;
            expected.set(last, expected.get(last) + mass);
            return new ChiSquareBins(observed.stream().mapToLong(c -> c[0]).toArray(),
                    expected.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
