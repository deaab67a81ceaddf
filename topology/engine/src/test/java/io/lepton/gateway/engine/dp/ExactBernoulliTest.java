package io.lepton.gateway.engine.dp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExactBernoulliTest {

    private static final int N = 200_000;

    /** 5 standard errors of a frequency over N trials: a false alarm has probability below 10^-6. */
    private static double tolerance(double p) {
        return 5 * Math.sqrt(p * (1 - p) / N);
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "1, 3", "1, 1", "5, 2", "4, 1", "1099511627775, 1099511627776"})
    void expOfRationalMatchesExpMinusGamma(long numerator, long denominator) {
        RandomBits bits = SecureRandomBits.seeded(numerator * 31 + denominator);
        double expected = Math.exp(-(double) numerator / denominator);
        int hits = 0;
        for (int i = 0; i < N; i++) {
            hits += ExactBernoulli.exp(bits, numerator, denominator) ? 1 : 0;
        }
        assertThat((double) hits / N).isCloseTo(expected, org.assertj.core.data.Offset.offset(tolerance(expected)));
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "1, 3", "1, 1", "5, 2", "9, 4"})
    void expOfBigRationalMatchesExpMinusGamma(long numerator, long denominator) {
        BigInteger scale = BigInteger.ONE.shiftLeft(130).add(BigInteger.valueOf(12345)); // beyond 64 bits
        RandomBits bits = SecureRandomBits.seeded(numerator * 17 + denominator);
        double expected = Math.exp(-(double) numerator / denominator);
        int hits = 0;
        for (int i = 0; i < N; i++) {
            hits += ExactBernoulli.exp(bits, BigInteger.valueOf(numerator).multiply(scale),
                    BigInteger.valueOf(denominator).multiply(scale)) ? 1 : 0;
        }
        assertThat((double) hits / N).isCloseTo(expected, org.assertj.core.data.Offset.offset(tolerance(expected)));
    }

    @ParameterizedTest
    @CsvSource({"0, 5", "1, 3", "2, 3", "7, 7"})
    void bigBernoulliMatchesTheRatio(long numerator, long denominator) {
        BigInteger scale = BigInteger.TEN.pow(40);
        RandomBits bits = SecureRandomBits.seeded(numerator + 100 * denominator);
        double expected = (double) numerator / denominator;
        int hits = 0;
        for (int i = 0; i < N; i++) {
            hits += ExactBernoulli.bernoulli(bits, BigInteger.valueOf(numerator).multiply(scale),
                    BigInteger.valueOf(denominator).multiply(scale)) ? 1 : 0;
        }
        assertThat((double) hits / N).isCloseTo(expected, org.assertj.core.data.Offset.offset(tolerance(expected)));
    }
}
