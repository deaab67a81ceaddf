package io.lepton.gateway.engine.dp;

/**
 * A source of uniformly random 64-bit words, and the exact integer samplers built on it.
 *
 * <p>Every DP sampler in this package consumes randomness only through this interface, as whole random bits: no
 * {@code double} uniform variates and no inverse-CDF transforms, which is what makes the samplers immune to the
 * floating-point attack of Mironov (2012). Implementations need not be thread-safe unless they say so
 * ({@link SecureRandomBits} is).
 */
public interface RandomBits {

    /** Returns 64 uniformly random bits. */
    long nextLong();

    /** Returns a fair coin flip. */
    default boolean nextBoolean() {
        return nextLong() < 0;
    }

    /**
     * Returns an exactly uniform integer in {@code [0, bound)}, by rejection on the smallest covering power of two
     * (no modulo bias; at most two draws expected).
     */
    default long uniformBelow(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        if (bound == 1) {
            return 0;
        }
        long mask = -1L >>> Long.numberOfLeadingZeros(bound - 1);
        while (true) {
            long candidate = nextLong() & mask;
            if (candidate < bound) {
                return candidate;
            }
        }
    }

    /** Returns {@code true} with probability exactly {@code numerator / denominator} ({@code 0 <= n <= d}, d > 0). */
    default boolean bernoulli(long numerator, long denominator) {
        if (numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("need 0 <= numerator <= denominator: " + numerator + "/" + denominator);
        }
        return uniformBelow(denominator) < numerator;
    }
}
