package io.lepton.gateway.engine.fairness.pooled;

/**
 * A one-sided test by betting of H0: E[Z_t | past] &le; 0 for observations Z_t in [−1, 1]: the gambler's wealth
 * K_t = Π (1 + λ_i Z_i) with a bet λ_i in [0, 1/2] fixed before Z_i is seen. Under H0 every factor has conditional
 * mean at most 1, so K is a non-negative supermartingale and Ville's inequality bounds the chance that it <em>ever</em>
 * reaches 1/α by α (Waudby-Smith &amp; Ramdas 2023, "Estimating means of bounded random variables by betting", JRSS-B,
 * §3 and the capital process of their Theorem 3; Howard et al. 2021, "Time-uniform, nonparametric, nonasymptotic
 * confidence sequences", Ann. Statist., for the time-uniform bound). Chugg et al. 2023 ("Auditing fairness by
 * betting", NeurIPS) apply exactly this wealth process to a difference of group means; their bets come from online
 * Newton steps, which slow down after a long fair stretch.
 *
 * <p>The bet here is WSR's aGRAPA rule λ = μ̂ / (σ̂² + μ̂²) (their §B.3) on <em>exponentially weighted</em> moments
 * of the last {@value #MEMORY} observations, so it follows a sudden shift within a few hundred observations, and it
 * is only placed when μ̂ exceeds one standard error: at the boundary of H0 a noisy positive μ̂ would otherwise bleed
 * wealth that a later real shift must first win back. The bet is capped at 1/2 as in Chugg et al. Any predictable
 * rule keeps the guarantee; this one only trades power.
 */
final class BettingEProcess {

    /** Effective number of past observations the bet is estimated from. */
    static final int MEMORY = 400;
    private static final double MAX_BET = 0.5;

    private double logWealth;
    private double mean;
    private double variance;
    private long observations;

    BettingEProcess() {
        this(0, 0, 0, 0);
    }

    BettingEProcess(double logWealth, double mean, double variance, long observations) {
        this.logWealth = logWealth;
        this.mean = mean;
        this.variance = variance;
        this.observations = observations;
    }

    /** The bet for the next observation, from past observations only. */
    double nextBet() {
        if (observations < 2) {
            return 0;
        }
        double effective = Math.min(observations, MEMORY);
        double margin = 1 * Math.sqrt(variance / effective);
        if (mean <= margin) {
            return 0;
        }
        return Math.min(MAX_BET, mean / (variance + mean * mean));
    }

    /** Bets on {@code z} in [−1, 1], then updates the moments the next bet is estimated from. */
    void observe(double z) {
        if (!(z >= -1 && z <= 1)) {
            throw new IllegalArgumentException("observation outside [-1, 1]: " + z);
        }
        logWealth += Math.log1p(nextBet() * z);
        observations++;
        double weight = 1.0 / Math.min(observations, MEMORY);
        double deviation = z - mean;
        mean += weight * deviation;
        variance += weight * (deviation * (z - mean) - variance);
    }

    /** ln K_t: 0 at the start, ln(1/α) is the rejection boundary at level α. */
    double logWealth() {
        return logWealth;
    }

    double mean() {
        return mean;
    }

    double variance() {
        return variance;
    }

    long observations() {
        return observations;
    }

    /**
     * ln of the mean of two e-processes' wealth, computed without overflow: the average of two e-processes is an
     * e-process, which is how a two-sided hypothesis (the intersection of both sides) is tested.
     */
    static double logMeanWealth(BettingEProcess a, BettingEProcess b) {
        double x = a.logWealth();
        double y = b.logWealth();
        double max = Math.max(x, y);
        return max + Math.log((Math.exp(x - max) + Math.exp(y - max)) / 2);
    }
}
