package io.lepton.gateway.engine.fairness;

/**
 * Outcome of one significance-gated metric evaluation. Insufficient data is its own verdict, never a breach, so a
 * handful of events from a small group cannot raise an alert.
 */
public enum Verdict {
    /** The confidence interval does not lie wholly beyond the threshold. */
    OK,
    /** The whole confidence interval lies beyond the threshold. */
    BREACH,
    /** A group of the compared pair has fewer events than the minimum sample size. */
    INSUFFICIENT_DATA
}
