package io.lepton.gateway.engine.fairness;

/**
 * Confidence interval for the disparate-exposure ratio (E_a/R_a) / (E_b/R_b) of two provider groups, by the delta
 * method on the log scale. There is no closed-form score interval for a ratio of ratio estimators, and the window
 * store keeps only sums, so the per-group moments in {@link ExposureStats} are all there is to work with.
 *
 * <p>For one group with n impressions, weights w and relevances u (sample means w̄, ū, sample variances s_w², s_u²,
 * covariance s_wu, all with n − 1 denominators):
 * Var(ln(w̄/ū)) ≈ (s_w²/w̄² + s_u²/ū² − 2·s_wu/(w̄·ū)) / n. The two groups are independent, so the variance of the log
 * ratio is the sum, and the interval is exp(ln(ratio) ± z·√(v_a + v_b)). A group with fewer than two impressions
 * or no relevance gives the uninformative interval [0, +∞].
 */
final class ExposureRatioInterval {

    private ExposureRatioInterval() {
    }

    static ConfidenceInterval of(ExposureStats a, ExposureStats b, double confidence) {
        double variance = logRatioVariance(a) + logRatioVariance(b);
        double ratio = a.exposurePerRelevance() / b.exposurePerRelevance();
        if (!Double.isFinite(variance) || !Double.isFinite(ratio) || ratio <= 0) {
            return new ConfidenceInterval(0, Double.POSITIVE_INFINITY);
        }
        double margin = NormalQuantiles.twoSidedZ(confidence) * Math.sqrt(variance);
        double logRatio = Math.log(ratio);
        return new ConfidenceInterval(Math.exp(logRatio - margin), Math.exp(logRatio + margin));
    }

    private static double logRatioVariance(ExposureStats s) {
        if (s.n() < 2 || s.exposure() == 0 || s.relevance() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double n = s.n();
        double meanW = s.exposure() / n;
        double meanU = s.relevance() / n;
        double varW = Math.max(0, (s.exposureSquares() - n * meanW * meanW) / (n - 1));
        double varU = Math.max(0, (s.relevanceSquares() - n * meanU * meanU) / (n - 1));
        double covWU = (s.crossProducts() - n * meanW * meanU) / (n - 1);
        double relative = varW / (meanW * meanW) + varU / (meanU * meanU) - 2 * covWU / (meanW * meanU);
        return Math.max(0, relative) / n;
    }
}
