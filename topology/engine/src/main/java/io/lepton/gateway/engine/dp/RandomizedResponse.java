package io.lepton.gateway.engine.dp;

import java.math.BigDecimal;

/**
 * k-ary randomized response for a categorical field tagged for it: report the true category with probability
 * {@code p = e^ε / (e^ε + k - 1)}, otherwise a uniformly chosen other category. Any two inputs give any output with
 * probability ratio at most {@code p / q = e^ε} where {@code q = (1 - p) / (k - 1)}: pure ε-DP per event.
 *
 * <p>Exactness: p is irrational, so the trial uses the rational {@code p' = m / 2^62}, the largest such value with
 * {@code p' (k - 1) / (1 - p') <= e^ε}, checked in exact decimal arithmetic against a lower bound of e^ε. The realized
 * ε' = ln(p'(k-1)/(1-p')) therefore never exceeds ε, and falls short of it by less than 10^-9 for ε <= 20. The trial
 * compares 62 random bits with m: no floating-point uniform.
 *
 * <p>Categories are indices {@code 0..k-1} (e.g. an Avro enum's ordinals). {@link #estimateCounts} turns the counts of
 * many responses into unbiased estimates of the true counts, for aggregates.
 */
public final class RandomizedResponse {

    private static final int PRECISION_BITS = 62;
    private static final long ONE = 1L << PRECISION_BITS;
    /** Math.exp is within 1 ulp; shrinking by 2^-50 makes this a certain lower bound of e^ε. */
    private static final double EXP_LOWER_BOUND_FACTOR = 1 - 0x1p-50;

    private final int categories;
    private final long keepNumerator;
    private final RandomBits bits;

    /** k-ary randomized response over {@code categories >= 2} categories with per-event ε in (0, 20]. */
    public RandomizedResponse(int categories, double epsilon, RandomBits bits) {
        if (categories < 2) {
            throw new IllegalArgumentException("randomized response needs at least 2 categories, got " + categories);
        }
        if (!(epsilon > 0 && epsilon <= 20)) {
            throw new IllegalArgumentException("epsilon must be in (0, 20], got " + epsilon);
        }
        if (bits == null) {
            throw new IllegalArgumentException("bits are required");
        }
        this.categories = categories;
        this.bits = bits;
        this.keepNumerator = keepNumerator(categories, epsilon);
    }

    private static long keepNumerator(int categories, double epsilon) {
        double expEpsilon = Math.exp(epsilon);
        long m = (long) Math.floor(expEpsilon / (expEpsilon + categories - 1) * ONE);
        BigDecimal expLower = new BigDecimal(expEpsilon * EXP_LOWER_BOUND_FACTOR);
        BigDecimal others = BigDecimal.valueOf(categories - 1L);
        // Largest m with m·(k-1) <= e^ε·(2^62 - m): then p'/q' = m(k-1)/(2^62 - m) <= e^ε.
        while (BigDecimal.valueOf(m).multiply(others).compareTo(expLower.multiply(BigDecimal.valueOf(ONE - m))) > 0) {
            m--;
        }
        while (BigDecimal.valueOf(m + 1).multiply(others)
                .compareTo(expLower.multiply(BigDecimal.valueOf(ONE - m - 1))) <= 0) {
            m++;
        }
        return m;
    }

    /** The number of categories k. */
    public int categories() {
        return categories;
    }

    /** The realized probability p' of reporting the true category. */
    public double keepProbability() {
        return (double) keepNumerator / ONE;
    }

    /** The realized ε' = ln(p'(k-1)/(1-p')) ≤ ε, for audit records. */
    public double realizedEpsilon() {
        return Math.log((double) keepNumerator * (categories - 1) / (ONE - keepNumerator));
    }

    /** The randomized report for a true {@code category} in {@code [0, k)}. */
    public int respond(int category) {
        if (category < 0 || category >= categories) {
            throw new IllegalArgumentException("category " + category + " is outside [0, " + categories + ")");
        }
        if ((bits.nextLong() >>> (Long.SIZE - PRECISION_BITS)) < keepNumerator) {
            return category;
        }
        int other = (int) bits.uniformBelow(categories - 1L);
        return other < category ? other : other + 1;
    }

    /**
     * Unbiased estimates of the true category counts from the counts of reports: E[observed_j] = n·q + true_j·(p - q),
     * so true_j ≈ (observed_j - n·q) / (p - q). Estimates can be negative or non-integer; they sum to n.
     */
    public double[] estimateCounts(long[] observedCounts) {
        if (observedCounts.length != categories) {
            throw new IllegalArgumentException("expected " + categories + " counts, got " + observedCounts.length);
        }
        double total = 0;
        for (long count : observedCounts) {
            total += count;
        }
        double p = keepProbability();
        double q = (1 - p) / (categories - 1);
        double[] estimates = new double[categories];
        for (int j = 0; j < categories; j++) {
            estimates[j] = (observedCounts[j] - total * q) / (p - q);
        }
        return estimates;
    }
}
