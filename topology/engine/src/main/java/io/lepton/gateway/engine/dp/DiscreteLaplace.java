package io.lepton.gateway.engine.dp;

/**
 * The discrete Laplace distribution (two-sided geometric) on the integers with rational scale
 * {@code b = scaleNumerator / scaleDenominator}: {@code P[Y = y] = (1 - p) / (1 + p) · p^|y|} with {@code p = exp(-1/b)},
 * variance {@code 2p / (1 - p)^2}.
 *
 * <p>Added to an integer with sensitivity Δ it gives pure (Δ/b)-differential privacy: the probability ratio of any
 * output under neighbouring inputs is at most {@code exp(Δ/b)}. Sampled exactly by Algorithm 2 of Canonne, Kamath
 * and Steinke (2020), using only {@link RandomBits}; stays fast for scales near 2^40 because the geometric part is
 * split into a uniform remainder below the scale numerator and a geometric count of whole numerators.
 */
public final class DiscreteLaplace implements IntegerNoise {

    private final long scaleNumerator;
    private final long scaleDenominator;

    /** Scale {@code scaleNumerator / scaleDenominator}, both positive. */
    public DiscreteLaplace(long scaleNumerator, long scaleDenominator) {
        if (scaleNumerator <= 0 || scaleDenominator <= 0) {
            throw new IllegalArgumentException("scale numerator and denominator must be positive");
        }
        this.scaleNumerator = scaleNumerator;
        this.scaleDenominator = scaleDenominator;
    }

    /** The scale b as a double, for reporting only. */
    public double scale() {
        return (double) scaleNumerator / scaleDenominator;
    }

    /**
     * V, the number of Bernoulli(e^-1) successes before the first failure, drawing at least
     * {@link ExactBernoulli#PADDED_TRIALS} trials: the extra trials are discarded, so V's distribution is unchanged,
     * but the running time no longer grows with V (the noise magnitude in whole scales) unless V exceeds the padding,
     * which happens with probability e^-16, about 10^-7.
     */
    private static long geometricCount(RandomBits bits) {
        long v = 0;
        boolean counting = true;
        for (int trial = 0; counting || trial < ExactBernoulli.PADDED_TRIALS; trial++) {
            boolean success = ExactBernoulli.expMinusOne(bits);
            if (counting) {
                if (success) {
                    v++;
                } else {
                    counting = false;
                }
            }
        }
        return v;
    }

    @Override
    public long sample(RandomBits bits) {
        long t = scaleNumerator;
        while (true) {
            // X = U + t·V has P[X = x] ∝ exp(-x/t): U truncated-geometric on [0, t), V geometric in whole t's.
            long u = bits.uniformBelow(t);
            if (!ExactBernoulli.exp(bits, u, t)) {
                continue;
            }
            long v = geometricCount(bits);
            long magnitude = Math.addExact(u, Math.multiplyExact(t, v)) / scaleDenominator;
            boolean negative = bits.nextBoolean();
            if (negative && magnitude == 0) {
                continue; // -0 would give zero twice the mass
            }
            return negative ? -magnitude : magnitude;
        }
    }
}
