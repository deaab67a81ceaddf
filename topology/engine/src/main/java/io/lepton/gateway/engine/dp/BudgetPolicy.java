package io.lepton.gateway.engine.dp;

import java.time.Duration;

/**
 * A jurisdiction's per-subject privacy budget: at most {@code epsilonPerPeriod} of ε spent on one subject's released
 * events within each period (periods are tumbling and aligned to the epoch, see {@link PrivacyAccountant}).
 *
 * @param epsilonPerPeriod the budget per period, in (0, 10^6]
 * @param period           the period length, at least one millisecond
 */
public record BudgetPolicy(double epsilonPerPeriod, Duration period) {

    public BudgetPolicy {
        if (!(epsilonPerPeriod > 0 && epsilonPerPeriod <= 1e6)) {
            throw new IllegalArgumentException("epsilonPerPeriod must be in (0, 1e6], got " + epsilonPerPeriod);
        }
        if (period == null || period.toMillis() < 1) {
            throw new IllegalArgumentException("period must be at least 1 ms, got " + period);
        }
    }

    /** The period length in milliseconds. */
    public long periodMillis() {
        return period.toMillis();
    }
}
