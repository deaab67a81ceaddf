package io.lepton.gateway.engine.aggregate;

/**
 * Which groups of a window are released: those whose noisy distinct-subject count reaches τ.
 *
 * <p>Without it, the mere presence of a group key would reveal that someone had it, however noisy its metrics: a
 * group key seen once is a record about one person. With L0 bounding a subject is present in at most L0 groups, and
 * a group that exists only because of one subject has a true count of 1, so it is released with probability
 * {@code P[1 + Y ≥ τ] = P[Y ≥ τ - 1]} per group. Requiring
 * {@code 1 - (1 - P[Y ≥ τ - 1])^L0 ≤ δ} bounds the chance that any of the subject's groups appears because of them,
 * which is the δ of the release; on groups present with and without the subject the noisy count is ordinary additive
 * noise (L1 sensitivity L0 for Laplace, L2 √L0 for Gaussian).
 *
 * <p>This is the threshold of Wilson et al., "Differentially Private SQL with Bounded User Contribution" (PoPETs
 * 2020, §3: {@code τ = 1 - (L0/ε)·ln(2 - 2(1 - δ)^{1/L0})} for continuous Laplace), following Korolova et al.,
 * "Releasing Search Queries and Clicks Privately" (WWW 2009), and the key selection of Google's DP-SQLP (PVLDB 2024).
 * Here the noise is the discrete Laplace or discrete Gaussian actually sampled, so τ is the smallest integer whose
 * exact tail meets the bound: for discrete Laplace with p = exp(-ε_sel/L0), {@code P[Y ≥ k] = p^k / (1 + p)}.
 *
 * @param threshold τ: a group is released iff its noisy distinct-subject count is at least τ
 * @param singleSubjectReleaseProbability P[a group with exactly one subject is released] = P[Y ≥ τ - 1]
 * @param delta the δ the threshold was derived for
 */
public record KeySelection(long threshold, double singleSubjectReleaseProbability, double delta) {

    /** The smallest integer τ ≥ 2 such that a subject makes any of its L0 groups appear with probability ≤ δ. */
    static KeySelection derive(IntegerNoiseDistribution subjectNoise, int maxGroupsPerSubject, double delta) {
        double perGroup = -Math.expm1(Math.log1p(-delta) / maxGroupsPerSubject);
        long k = 1;
        if (subjectNoise instanceof IntegerNoiseDistribution.Laplace laplace) {
            double p = laplace.p();
            k = Math.max(1, (long) Math.floor(Math.log(perGroup * (1 + p)) / Math.log(p)) - 1);
        }
        while (subjectNoise.upperTail(k) > perGroup) {
            k++;
        }
        return new KeySelection(k + 1, subjectNoise.upperTail(k), delta);
    }

    /** Whether a group with this noisy distinct-subject count is released. */
    public boolean releases(long noisySubjects) {
        return noisySubjects >= threshold;
    }
}
