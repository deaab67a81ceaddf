package io.lepton.gateway.engine.fairness.pooled;

/**
 * The fixed-point units in which the map side sums ranking exposure and relevance, so that impression sums are
 * {@code long} counters like votes: exact to add in any order (a replay, or deltas of several tasks merged in another
 * order, give the same sums bit for bit) and encodable as varints.
 *
 * <p>Exposure is Singh &amp; Joachims' position bias ("Fairness of Exposure in Rankings", KDD 2018, §3, the DCG
 * weight): an item at 1-based rank k gets v_k = 1/log2(1+k) ∈ (0, 1]. Relevance is the item's utility for the user,
 * a score in [0, 1] by the schema; larger scores count as 1 so that every impression's contribution stays bounded, as
 * the tests by betting require. Both are rounded to the nearest multiple of 2^-{@value #FRACTION_BITS}, so a mean of
 * them is off by at most {@link #MAX_MEAN_ERROR}.
 */
final class ExposureUnits {

    static final int FRACTION_BITS = 20;
    /** One unit = 1.0 in fixed point. */
    static final long ONE = 1L << FRACTION_BITS;
    /** The largest rounding error of a mean of fixed-point values: half a unit. */
    static final double MAX_MEAN_ERROR = 0.5 / ONE;
    private static final double LN_2 = Math.log(2);

    private ExposureUnits() {}

    /** The position weight 1/log2(1+rank) of a 1-based rank in fixed point. */
    static long exposure(int rank) {
        if (rank < 1) {
            throw new IllegalArgumentException("rank is 1-based, got " + rank);
        }
        return Math.round(LN_2 / Math.log1p(rank) * ONE);
    }

    /** A relevance score clamped to [0, 1] in fixed point; NaN counts as 0. */
    static long relevance(double score) {
        return score > 0 ? Math.round(Math.min(score, 1) * ONE) : 0;
    }

    /** A fixed-point sum over {@code n} values as their mean. */
    static double mean(long sum, long n) {
        return (double) sum / ONE / n;
    }
}
