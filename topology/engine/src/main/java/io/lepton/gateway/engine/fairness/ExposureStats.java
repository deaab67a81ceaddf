package io.lepton.gateway.engine.fairness;

/**
 * Ranking exposure and relevance received by one provider group in one window, following Singh &amp; Joachims
 * (2018), "Fairness of Exposure in Rankings": an item shown at 1-based rank {@code k} receives exposure
 * {@code 1/log2(1+k)} (the DCG position weight). The group's sums are mergeable, so windows and partitions combine.
 *
 * <p>Besides the sums named by the design ({@link #exposure}, {@link #relevance}, {@link #n}), the record keeps the
 * second moments needed for a delta-method confidence interval of the exposure-per-relevance ratio (see
 * {@link ExposureRatioInterval}); without them no significance test, and so no alert, would be possible.
 * Floating-point sums are commutative exactly and associative up to rounding (relative error ~1e-16 per add).
 *
 * @param exposure          Σ position weight over the group's impressions
 * @param relevance         Σ relevance over the group's impressions
 * @param n                 impressions of the group
 * @param exposureSquares   Σ weight²
 * @param relevanceSquares  Σ relevance²
 * @param crossProducts     Σ weight × relevance
 */
public record ExposureStats(double exposure, double relevance, long n, double exposureSquares,
                            double relevanceSquares, double crossProducts) {

    /** The identity of {@link #merge}: a group never shown. */
    public static final ExposureStats EMPTY = new ExposureStats(0, 0, 0, 0, 0, 0);

    private static final byte FORMAT_VERSION = 1;
    private static final double LN_2 = Math.log(2);

    /** Rejects negative or non-finite sums. */
    public ExposureStats {
        if (n < 0 || !nonNegativeFinite(exposure) || !nonNegativeFinite(relevance)
                || !nonNegativeFinite(exposureSquares) || !nonNegativeFinite(relevanceSquares)
                || !nonNegativeFinite(crossProducts)) {
            throw new IllegalArgumentException("exposure sums must be finite and non-negative, n >= 0");
        }
    }

    /** The Singh &amp; Joachims / DCG position weight 1/log2(1+rank) for a 1-based rank: 1, 0.631, 0.5, … */
    public static double positionWeight(int rank) {
        if (rank < 1) {
            throw new IllegalArgumentException("rank is 1-based, got " + rank);
        }
        return LN_2 / Math.log1p(rank);
    }

    /**
     * This group with one more impression.
     *
     * @param rank      1-based position in the ranking
     * @param relevance the item's relevance (utility) for the user, finite and non-negative
     */
    public ExposureStats add(int rank, double relevance) {
        if (!nonNegativeFinite(relevance)) {
            throw new IllegalArgumentException("relevance must be finite and non-negative, got " + relevance);
        }
        double weight = positionWeight(rank);
        return new ExposureStats(exposure + weight, this.relevance + relevance, n + 1,
                exposureSquares + weight * weight, relevanceSquares + relevance * relevance,
                crossProducts + weight * relevance);
    }

    /** Both groups' sums together. */
    public ExposureStats merge(ExposureStats other) {
        return new ExposureStats(exposure + other.exposure, relevance + other.relevance, Math.addExact(n, other.n),
                exposureSquares + other.exposureSquares, relevanceSquares + other.relevanceSquares,
                crossProducts + other.crossProducts);
    }

    /** exposure / relevance: the group's exposure per unit of relevance; NaN when relevance is 0. */
    public double exposurePerRelevance() {
        return relevance == 0 ? Double.NaN : exposure / relevance;
    }

    /** Version byte, varint n, five big-endian doubles. */
    public byte[] toBytes() {
        return CompactCodec.writer(FORMAT_VERSION, 1, 5)
                .putCount(n).putDouble(exposure).putDouble(relevance)
                .putDouble(exposureSquares).putDouble(relevanceSquares).putDouble(crossProducts)
                .toBytes();
    }

    /** Reads {@link #toBytes()}; fails on input in any other format. */
    public static ExposureStats fromBytes(byte[] bytes) {
        CompactCodec in = CompactCodec.reader(bytes, FORMAT_VERSION, "ExposureStats");
        long count = in.count();
        ExposureStats stats = new ExposureStats(in.nextDouble(), in.nextDouble(), count, in.nextDouble(),
                in.nextDouble(), in.nextDouble());
        in.requireFullyRead();
        return stats;
    }

    private static boolean nonNegativeFinite(double value) {
        return Double.isFinite(value) && value >= 0;
    }
}
