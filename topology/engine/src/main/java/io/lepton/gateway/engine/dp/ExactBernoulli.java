package io.lepton.gateway.engine.dp;

import java.math.BigInteger;

/**
 * Exact Bernoulli trials with probabilities {@code exp(-γ)} and {@code a/b} for rational γ, a, b, built only from
 * random bits: Canonne, Kamath and Steinke, "The Discrete Gaussian for Differential Privacy" (NeurIPS 2020),
 * Algorithm 1.
 *
 * <p>Why: the privacy proof of a noise mechanism holds for the exact distribution. Evaluating {@code Math.exp} and
 * comparing to a floating-point uniform gives a slightly different distribution whose support and tails leak the
 * input (Mironov 2012). Here every probability is a ratio of integers and every comparison is exact.
 *
 * <p>The {@code long} overloads serve the discrete Laplace sampler; the {@link BigInteger} overloads serve the
 * discrete Gaussian's acceptance test, whose numerators and denominators exceed 64 bits when σ is near 2^40.
 */
final class ExactBernoulli {

    /**
     * Fewest Bernoulli(e^-1) trials a padded loop draws (discarding the surplus), so that its running time does not
     * reveal how many trials the outcome needed, which in the samplers is the noise magnitude.
     */
    static final int PADDED_TRIALS = 16;

    private ExactBernoulli() {
    }

    /** Bernoulli(exp(-1)). */
    static boolean expMinusOne(RandomBits bits) {
        return expOfFraction(bits, 1, 1);
    }

    /** Bernoulli(exp(-numerator/denominator)) for {@code numerator >= 0}, {@code denominator > 0}. */
    static boolean exp(RandomBits bits, long numerator, long denominator) {
        if (numerator < 0 || denominator <= 0) {
            throw new IllegalArgumentException("need numerator >= 0 and denominator > 0");
        }
        // exp(-γ) = exp(-1)^floor(γ) · exp(-(γ - floor(γ))): independent trials, all must succeed.
        long whole = numerator / denominator;
        for (long i = 0; i < whole; i++) {
            if (!expMinusOne(bits)) {
                return false;
            }
        }
        return expOfFraction(bits, numerator % denominator, denominator);
    }

    /** Bernoulli(exp(-numerator/denominator)) for big non-negative numerator and positive denominator. */
    static boolean exp(RandomBits bits, BigInteger numerator, BigInteger denominator) {
        if (numerator.signum() < 0 || denominator.signum() <= 0) {
            throw new IllegalArgumentException("need numerator >= 0 and denominator > 0");
        }
        BigInteger[] wholeAndRest = numerator.divideAndRemainder(denominator);
        long whole = wholeAndRest[0].longValueExact();
        // The discrete Gaussian's acceptance test: whole grows with (|y| - σ)²/(2σ²), so an early exit would make an
        // accepted sample's time reveal its magnitude. All max(whole, PADDED_TRIALS) trials are drawn; only the
        // first whole count, so the probability is unchanged.
        boolean allSucceeded = true;
        for (long i = 0; i < Math.max(whole, PADDED_TRIALS); i++) {
            boolean success = expMinusOne(bits);
            if (i < whole) {
                allSucceeded &= success;
            }
        }
        if (!allSucceeded) {
            return false;
        }
        BigInteger rest = wholeAndRest[1];
        // Algorithm 1 for γ = rest/denominator in [0, 1): count successes of Bernoulli(γ/k), k = 1, 2, ...;
        // the count is even with probability exp(-γ). Bernoulli(γ/k) = Bernoulli(1/k) AND Bernoulli(γ).
        long k = 1;
        while (bits.uniformBelow(k) == 0 && bernoulli(bits, rest, denominator)) {
            k++;
        }
        return (k & 1) == 1;
    }

    /**
     * Bernoulli(numerator/denominator) for {@code 0 <= numerator <= denominator}, comparing a uniform real in [0, 1),
     * generated 64 bits at a time, with the binary expansion of the ratio: one draw decides with probability
     * 1 - 2^-64, and no big random integer is ever built.
     */
    static boolean bernoulli(RandomBits bits, BigInteger numerator, BigInteger denominator) {
        BigInteger remainder = numerator;
        while (remainder.signum() > 0) {
            BigInteger[] digitAndRest = remainder.shiftLeft(Long.SIZE).divideAndRemainder(denominator);
            if (digitAndRest[0].bitLength() > Long.SIZE) {
                return true; // numerator == denominator: probability one
            }
            int comparison = Long.compareUnsigned(bits.nextLong(), digitAndRest[0].longValue());
            if (comparison != 0) {
                return comparison < 0;
            }
            remainder = digitAndRest[1];
        }
        return false; // the uniform equals the ratio's finite expansion so far: it is >= the ratio almost surely
    }

    /** Algorithm 1 of CKS20 for γ = numerator/denominator in [0, 1]. */
    private static boolean expOfFraction(RandomBits bits, long numerator, long denominator) {
        long k = 1;
        while (bits.uniformBelow(k) == 0 && bits.bernoulli(numerator, denominator)) {
            k++;
        }
        return (k & 1) == 1;
    }
}
