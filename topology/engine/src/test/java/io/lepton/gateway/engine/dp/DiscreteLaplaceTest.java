package io.lepton.gateway.engine.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscreteLaplaceTest {

    private static final int N = 200_000;

    @ParameterizedTest
    @CsvSource({"3, 1", "7, 2", "1, 3"})
    void matchesTheExactCdfAndVariance(long numerator, long denominator) {
        DiscreteLaplace laplace = new DiscreteLaplace(numerator, denominator);
        double p = Math.exp(-(double) denominator / numerator);
        long[] samples = samples(laplace, SecureRandomBits.seeded(numerator * 10 + denominator), N);

        // P[Y <= y] = p^-y / (1+p) for y < 0, and 1 - p^(y+1) / (1+p) for y >= 0.
        double ks = Statistics.ksDiscrete(samples,
                y -> y < 0 ? Math.pow(p, -y) / (1 + p) : 1 - Math.pow(p, y + 1) / (1 + p));
        assertThat(ks).isLessThan(Statistics.KS_CRITICAL_0_001 / Math.sqrt(N));

        double[] moments = Statistics.meanAndVariance(Statistics.toDoubles(samples));
        double variance = 2 * p / ((1 - p) * (1 - p));
        // Laplace kurtosis is 6, so the sample variance has relative sd √(5/N) = 0.5%; allow 5 sd.
        assertThat(moments[1] / variance).isCloseTo(1, within(5 * Math.sqrt(5.0 / N)));
        assertThat(moments[0]).isCloseTo(0, within(5 * Math.sqrt(variance / N)));
    }

    @Test
    void staysExactAtGridScaleNearTwoToTheForty() {
        long t = 1L << 40;
        long[] samples = samples(new DiscreteLaplace(t, 1), SecureRandomBits.seeded(40), N);

        // At this scale the discrete and continuous Laplace CDFs differ by < 2^-40: compare with the continuous one.
        double ks = Statistics.ksContinuous(Statistics.toDoubles(samples),
                x -> x < 0 ? 0.5 * Math.exp(x / t) : 1 - 0.5 * Math.exp(-x / t));
        assertThat(ks).isLessThan(Statistics.KS_CRITICAL_0_001 / Math.sqrt(N));
        double variance = Statistics.meanAndVariance(Statistics.toDoubles(samples))[1];
        assertThat(variance / (2.0 * t * t)).isCloseTo(1, within(5 * Math.sqrt(5.0 / N)));
    }

    static long[] samples(IntegerNoise noise, RandomBits bits, int n) {
        long[] samples = new long[n];
        for (int i = 0; i < n; i++) {
            samples[i] = noise.sample(bits);
        }
        return samples;
    }
}
