package io.lepton.gateway.engine.fairness.pooled;

/**
 * Steele, Lea and Flood's SplitMix64 generator with its whole state in one {@code long}, so a test can store the
 * state with its counts and a replay of the same deltas draws the same random splits (and the same e-values).
 */
final class SplitMix64 {

    private long state;

    SplitMix64(long state) {
        this.state = state;
    }

    long state() {
        return state;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Ones among {@code draws} items taken without replacement from {@code population} items of which {@code ones}
     * are ones: a hypergeometric draw, O(draws).
     */
    long hypergeometric(long population, long ones, long draws) {
        long hits = 0;
        long remaining = population;
        long remainingOnes = ones;
        for (long i = 0; i < draws; i++) {
            if (nextDouble() * remaining < remainingOnes) {
                hits++;
                remainingOnes--;
            }
            remaining--;
        }
        return hits;
    }
}
