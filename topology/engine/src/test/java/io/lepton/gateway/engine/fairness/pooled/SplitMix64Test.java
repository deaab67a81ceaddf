package io.lepton.gateway.engine.fairness.pooled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SplitMix64Test {

    /** Published first output of SplitMix64 seeded with 0 (Vigna's reference implementation, splitmix64.c). */
    @Test
    void matchesTheReferenceSequence() {
        assertThat(new SplitMix64(0).nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
    }

    /** Closed-form moments of the hypergeometric law: mean nK/N, variance nK(N−K)(N−n) / (N²(N−1)). */
    @Test
    void hypergeometricDrawsHaveTheClosedFormMeanAndVariance() {
        SplitMix64 random = new SplitMix64(99);
        long population = 50;
        long ones = 20;
        long draws = 10;
        int samples = 200_000;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < samples; i++) {
            long x = random.hypergeometric(population, ones, draws);
            sum += x;
            sumSquares += (double) x * x;
        }
        double mean = sum / samples;
        double variance = sumSquares / samples - mean * mean;
        assertThat(mean).isCloseTo(4.0, within(0.02));
        assertThat(variance).isCloseTo(10.0 * 20 * 30 * 40 / (2500.0 * 49), within(0.03));
    }
}
