package io.lepton.gateway.engine.dp;

/**
 * The per-subject privacy-budget ledger: decides whether an event's ε may be spent, as a pure function of the stored
 * state, the event time and the ε (no I/O, no clock), so the caller owns storage and the decision is replayable.
 *
 * <p><b>Accountant.</b> Basic sequential composition: releasing mechanisms that are ε_1-, ε_2-, ...-DP about the
 * same subject is (Σ ε_i)-DP (and Σ δ_i for Gaussian releases, which the caller bounds by the number of events).
 * Charges are summed exactly in nano-ε and an event whose charge would push the sum past the budget is refused
 * whole: charges never exceed the budget, so within one period the subject's released events are
 * (ε_period)-DP together.
 *
 * <p><b>Periods.</b> Tumbling periods aligned to the epoch ({@code floor(eventTime / period) · period}, UTC for a
 * one-day period), by event time. Aligned periods keep the state to one small record per subject and make
 * decisions reproducible on replay; a true rolling window would need every charge's timestamp. The price: any
 * rolling window of one period length overlaps at most two aligned periods, so it is (2·ε_period)-DP at worst.
 *
 * <p><b>Late events.</b> An event whose time falls in a period before the stored one is refused (its period's ledger
 * is gone, so the spend cannot be proven within budget). Events of a later period start a fresh ledger.
 */
public final class PrivacyAccountant {

    /**
     * The outcome of one charge.
     *
     * @param allowed   whether the event's ε may be spent (its DP fields released)
     * @param next      the state to store (unchanged except for a period roll-over when refused)
     * @param remaining ε left in the event's period after this decision
     */
    public record Decision(boolean allowed, BudgetState next, double remaining) {
    }

    private final BudgetPolicy policy;
    private final long budgetNanoEpsilon;

    public PrivacyAccountant(BudgetPolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("policy is required");
        }
        this.policy = policy;
        this.budgetNanoEpsilon = EpsilonUnits.floor(policy.epsilonPerPeriod());
    }

    /** The policy this accountant enforces. */
    public BudgetPolicy policy() {
        return policy;
    }

    /** The start of the aligned period containing {@code eventTimeMillis}. */
    public long periodStart(long eventTimeMillis) {
        return Math.floorDiv(eventTimeMillis, policy.periodMillis()) * policy.periodMillis();
    }

    /**
     * Charges {@code epsilon} to the subject whose ledger is {@code current} ({@code null}: no ledger yet).
     *
     * @param epsilon the ε the event's release costs (sum over its noised fields), finite and non-negative
     */
    public Decision charge(BudgetState current, long eventTimeMillis, double epsilon) {
        if (!(epsilon >= 0 && Double.isFinite(epsilon))) {
            throw new IllegalArgumentException("epsilon must be finite and non-negative, got " + epsilon);
        }
        long period = periodStart(eventTimeMillis);
        if (current != null && current.periodStart() > period) {
            return new Decision(false, current, 0);
        }
        BudgetState ledger = current == null || current.periodStart() < period ? new BudgetState(period, 0) : current;
        long available = budgetNanoEpsilon - ledger.spentNanoEpsilon();
        long cost = EpsilonUnits.ceil(epsilon);
        if (cost > available) {
            return new Decision(false, ledger, EpsilonUnits.toEpsilon(available));
        }
        BudgetState next = new BudgetState(period, ledger.spentNanoEpsilon() + cost);
        return new Decision(true, next, EpsilonUnits.toEpsilon(available - cost));
    }
}
