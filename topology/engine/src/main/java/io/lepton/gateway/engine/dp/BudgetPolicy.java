package io.lepton.gateway.engine.dp;

import java.time.Duration;

/**
 * A jurisdiction's per-subject privacy budget: the subject's released events within each period (tumbling, aligned
 * to the epoch, see {@link PrivacyAccountant}) must together be (epsilonPerPeriod, deltaPerPeriod)-DP.
 *
 * @param epsilonPerPeriod the ε budget per period, in (0, 10^6]
 * @param deltaPerPeriod   0 for pure-ε (Laplace) accounting; otherwise the δ in [10^-15, 1) at which the zCDP
 *                         (Gaussian) accountant converts the period's total ρ to ε
 * @param period           the period length, at least one millisecond
 */
public record BudgetPolicy(double epsilonPerPeriod, double deltaPerPeriod, Duration period) {

    public BudgetPolicy {
        if (!(epsilonPerPeriod > 0 && epsilonPerPeriod <= 1e6)) {
            throw new IllegalArgumentException("epsilonPerPeriod must be in (0, 1e6], got " + epsilonPerPeriod);
        }
        if (!(deltaPerPeriod == 0 || (deltaPerPeriod >= 1e-15 && deltaPerPeriod < 1))) {
            throw new IllegalArgumentException("deltaPerPeriod must be 0 or in [1e-15, 1), got " + deltaPerPeriod);
        }
        if (period == null || period.toMillis() < 1) {
            throw new IllegalArgumentException("period must be at least 1 ms, got " + period);
        }
    }

    /** A pure-ε budget, for Laplace jurisdictions. */
    public static BudgetPolicy pureEpsilon(double epsilonPerPeriod, Duration period) {
        return new BudgetPolicy(epsilonPerPeriod, 0, period);
    }

    /** The measure charges are summed in: ε (pure DP) when δ is 0, else ρ (zCDP). */
    public PrivacyAccountant.Measure measure() {
        return deltaPerPeriod == 0 ? PrivacyAccountant.Measure.EPSILON : PrivacyAccountant.Measure.RHO;
    }

    /** The period length in milliseconds. */
    public long periodMillis() {
        return period.toMillis();
    }
}
