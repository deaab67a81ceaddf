package io.lepton.gateway.engine.fairness.pooled;

/**
 * The anytime-valid test of one group against the reference group for one rate (selection or true-positive rate),
 * fed with pooled counts in whatever batches the partitions flush them.
 *
 * <p><b>Null hypotheses.</b> With p_u and p_r the rates of the group and the reference:
 * <ul>
 *   <li>ratio (AIF360 disparate impact p_u / p_r, threshold c): H0: p_u ≥ c·p_r, evidence Z = c·p̂_r − p̂_u;</li>
 *   <li>difference (AIF360 statistical parity / equal opportunity difference p_u − p_r, bound d): H0: |p_u − p_r|
 *       ≤ d, tested as two one-sided wealth processes on ±(p̂_r − p̂_u) − d, scaled by 1/(1+d) into [−1, 1], and
 *       averaged: the mean of two e-processes for the same null is one (the two sides share its budget).</li>
 * </ul>
 *
 * <p><b>From counts to observations.</b> Votes of a flush are not ordered, and pairing them one by one (as Chugg et
 * al. do with ordered samples) would need the order. Instead each pending batch with votes of both groups is split
 * uniformly at random, by sequential hypergeometric draws, into k = min(n_u, n_r) sub-batches holding at least one vote
 * of each group, and each sub-batch contributes Z from its two sub-batch means. Given the counts the split is
 * independent of the outcomes, so each sub-batch is a simple random sample of the batch and, under H0 with
 * independent votes, E[Z | past] ≤ 0: the betting argument of {@link BettingEProcess} holds. Votes of one group alone
 * wait (as counts) until the other group has votes; the bets never see them before they are used.
 */
final class ComparisonTest implements SlotTest {

    /** How the two rates are compared. */
    enum Form { RATIO, DIFFERENCE }

    private final Form form;
    private final double threshold;
    private final BettingEProcess below;
    private final BettingEProcess above;
    private final SplitMix64 random;
    private long pendingGroupVotes;
    private long pendingGroupHits;
    private long pendingReferenceVotes;
    private long pendingReferenceHits;

    ComparisonTest(Form form, double threshold, long seed) {
        this(form, threshold, new BettingEProcess(), new BettingEProcess(), new SplitMix64(seed), 0, 0, 0, 0);
    }

    ComparisonTest(Form form, double threshold, BettingEProcess below, BettingEProcess above, SplitMix64 random,
                   long pendingGroupVotes, long pendingGroupHits, long pendingReferenceVotes,
                   long pendingReferenceHits) {
        this.form = form;
        this.threshold = threshold;
        this.below = below;
        this.above = above;
        this.random = random;
        this.pendingGroupVotes = pendingGroupVotes;
        this.pendingGroupHits = pendingGroupHits;
        this.pendingReferenceVotes = pendingReferenceVotes;
        this.pendingReferenceHits = pendingReferenceHits;
    }

    /**
     * Adds pooled votes ({@code hits} of them positive) of the group and of the reference and bets on every
     * sub-batch they complete.
     *
     * @return the largest ln e-value reached while betting on these votes (the test may be stopped at any of them)
     */
    double offer(long groupVotes, long groupHits, long referenceVotes, long referenceHits) {
        pendingGroupVotes += groupVotes;
        pendingGroupHits += groupHits;
        pendingReferenceVotes += referenceVotes;
        pendingReferenceHits += referenceHits;
        double peak = logEValue();
        long batches = Math.min(pendingGroupVotes, pendingReferenceVotes);
        for (long left = batches; left > 0; left--) {
            long groupSize = pendingGroupVotes / left;
            long referenceSize = pendingReferenceVotes / left;
            long groupDrawn = random.hypergeometric(pendingGroupVotes, pendingGroupHits, groupSize);
            long referenceDrawn = random.hypergeometric(pendingReferenceVotes, pendingReferenceHits, referenceSize);
            pendingGroupVotes -= groupSize;
            pendingGroupHits -= groupDrawn;
            pendingReferenceVotes -= referenceSize;
            pendingReferenceHits -= referenceDrawn;
            bet((double) groupDrawn / groupSize, (double) referenceDrawn / referenceSize);
            peak = Math.max(peak, logEValue());
        }
        return peak;
    }

    private void bet(double groupRate, double referenceRate) {
        if (form == Form.RATIO) {
            below.observe(threshold * referenceRate - groupRate);
        } else {
            double scale = 1 + threshold;
            below.observe((referenceRate - groupRate - threshold) / scale);
            above.observe((groupRate - referenceRate - threshold) / scale);
        }
    }

    @Override
    public double logEValue() {
        if (form == Form.RATIO) {
            return below.logWealth();
        }
        return BettingEProcess.logMeanWealth(below, above);
    }

    Form form() {
        return form;
    }

    double threshold() {
        return threshold;
    }

    BettingEProcess below() {
        return below;
    }

    BettingEProcess above() {
        return above;
    }

    long randomState() {
        return random.state();
    }

    long[] pending() {
        return new long[] {pendingGroupVotes, pendingGroupHits, pendingReferenceVotes, pendingReferenceHits};
    }
}
