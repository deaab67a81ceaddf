package io.lepton.gateway.engine;

import io.lepton.schemas.BudgetOutcome;

/**
 * What the privacy budget decided for one event that was sanitized: the counts audit roll-ups and provenance headers
 * are made of, never the ledger's state.
 *
 * @param outcome RELEASED (dp fields noised, or none), WITHHELD (dp fields null) or SUPPRESSED (nothing written)
 * @param exhausted whether the subject's spent budget caused WITHHELD or SUPPRESSED (false when the policy disables DP)
 * @param epsilonSpent ε charged to the subject for this event (0 when nothing was noised, or for a duplicate)
 */
public record BudgetResult(BudgetOutcome outcome, boolean exhausted, double epsilonSpent) {
}
