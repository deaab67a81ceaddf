package io.lepton.gateway.engine.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SecureRandomBitsTest {

    @Test
    void sameSeedGivesSameWordsAndOtherSeedsDiffer() {
        long[] first = words(SecureRandomBits.seeded(7), 1000);
        long[] again = words(SecureRandomBits.seeded(7), 1000);
        long[] other = words(SecureRandomBits.seeded(8), 1000);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void productionGeneratorGivesEachThreadItsOwnBalancedStream() throws Exception {
        SecureRandomBits bits = new SecureRandomBits();
        long[] here = words(bits, 20_000);
        long[] there = CompletableFuture.supplyAsync(() -> words(bits, 20_000)).get();

        assertThat(there).isNotEqualTo(here);
        // 2.56M bits: the count of ones has sd 800 around 1.28M; 5 sd is a 1-in-3-million false alarm.
        long ones = LongStream.of(here).map(Long::bitCount).sum() + LongStream.of(there).map(Long::bitCount).sum();
        assertThat(ones).isBetween(1_280_000L - 4_000, 1_280_000L + 4_000);
    }

    @Test
    void uniformBelowIsUniformForANonPowerOfTwoBound() {
        RandomBits bits = SecureRandomBits.seeded(1);
        int bound = 6;
        int n = 600_000;
        long[] counts = new long[bound];
        for (int i = 0; i < n; i++) {
            counts[(int) bits.uniformBelow(bound)]++;
        }
        double[] expected = new double[bound];
        java.util.Arrays.fill(expected, (double) n / bound);

        // 5 degrees of freedom: the 10^-4 upper quantile is 25.7.
        assertThat(Statistics.chiSquare(counts, expected)).isLessThan(25.7);
        assertThat(bits.uniformBelow(1)).isZero();
    }

    @Test
    void rejectsImpossibleParameters() {
        RandomBits bits = SecureRandomBits.seeded(1);
        assertThatThrownBy(() -> bits.uniformBelow(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bits.bernoulli(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bits.bernoulli(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static long[] words(RandomBits bits, int n) {
        long[] words = new long[n];
        for (int i = 0; i < n; i++) {
            words[i] = bits.nextLong();
        }
        return words;
    }
}
