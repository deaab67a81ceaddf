package io.lepton.gateway.engine.dp;

/**
 * The per-subject privacy-budget ledger: decides whether an event's privacy loss may be spent, as a pure function of
 * the stored state, the period time and the cost (no I/O, no clock), so the caller owns storage and time.
 *
 * <p><b>Two accountants.</b> Laplace releases are pure ε-DP and compose by adding ε ({@link Measure#EPSILON}).
 * Gaussian releases are accounted in zero-concentrated DP ({@link Measure#RHO}): a discrete Gaussian release with
 * sensitivity Δ and scale σ is exactly ρ = Δ²/(2σ²)-zCDP (CKS20, Theorem 4), ρ's add up under composition (Bun and
 * Steinke 2016, Lemma 2.3), and the period's total ρ is ε-DP at the budget's δ by CKS20 Corollary 13. So the budget
 * is turned once into the largest ρ whose conversion stays within (ε_budget, δ) ({@link GaussianCalibration#rho})
 * and charges are compared in ρ. This is much tighter than adding per-event ε and δ (basic composition): cn-pipl's
 * (0.5, 10^-6) events fit 27 times into (3, 10^-6) instead of 6 times.
 *
 * <p>Charges are summed exactly in nano-units ({@link EpsilonUnits}) and an event whose charge would push the sum
 * past the budget is refused whole, so within one period a subject's released events stay within budget.
 *
 * <p><b>Periods.</b> Tumbling periods aligned to the epoch ({@code floor(t / period) · period}, UTC for a one-day
 * period). The caller chooses t (the gateway bounds it around its own clock, see
 * {@link io.lepton.gateway.engine.dp.BudgetTime}). Aligned periods keep one small record per subject; the price is
 * that a rolling window of one period length overlaps two aligned periods, so it is (2·ε_period)-DP at worst.
 *
 * <p><b>Late events and duplicates.</b> An event whose period is before the stored one is refused (that period's
 * ledger is gone). An event whose tag was already charged in the stored period is a duplicate: allowed, charged
 * nothing, because its release repeats the same value (reproducible noise).
 */
public final class PrivacyAccountant {

    /** The privacy-loss measure charges are kept in. */
    public enum Measure { EPSILON, RHO }

    /**
     * The outcome of one charge.
     *
     * @param allowed   whether the event may be released (its dp fields noised)
     * @param duplicate whether the event was already charged in this period (allowed, nothing charged)
     * @param next      the state to store (unchanged except for a period roll-over when refused)
     * @param remaining budget left in the event's period after this decision, in the accountant's measure
     */
    public record Decision(boolean allowed, boolean duplicate, BudgetState next, double remaining) {
    }

    private final BudgetPolicy policy;
    private final long budgetUnits;

    public PrivacyAccountant(BudgetPolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("policy is required");
        }
        this.policy = policy;
        this.budgetUnits = EpsilonUnits.floor(policy.measure() == Measure.EPSILON ? policy.epsilonPerPeriod()
                : GaussianCalibration.rho(policy.epsilonPerPeriod(), policy.deltaPerPeriod()));
    }

    /** The policy this accountant enforces. */
    public BudgetPolicy policy() {
        return policy;
    }

    /** The budget per period in the accountant's measure (ε, or the ρ that converts to the budget's (ε, δ)). */
    public double budget() {
        return EpsilonUnits.toEpsilon(budgetUnits);
    }

    /** The start of the aligned period containing {@code timeMillis}. */
    public long periodStart(long timeMillis) {
        return Math.floorDiv(timeMillis, policy.periodMillis()) * policy.periodMillis();
    }

    /**
     * Charges {@code cost} to the subject whose ledger is {@code current} ({@code null}: no ledger yet), without
     * duplicate detection (for events that have no id, whose noise is never repeated).
     *
     * @param cost the event's privacy loss in this accountant's {@link Measure}, finite and non-negative
     */
    public Decision charge(BudgetState current, long timeMillis, double cost) {
        return charge(current, timeMillis, cost, false, 0);
    }

    /** As {@link #charge(BudgetState, long, double)}, recognising and recording the event by {@code eventTag}. */
    public Decision charge(BudgetState current, long timeMillis, double cost, long eventTag) {
        return charge(current, timeMillis, cost, true, eventTag);
    }

    private Decision charge(BudgetState current, long timeMillis, double cost, boolean tagged, long eventTag) {
        if (!(cost >= 0 && Double.isFinite(cost))) {
            throw new IllegalArgumentException("cost must be finite and non-negative, got " + cost);
        }
        long period = periodStart(timeMillis);
        if (current != null && current.periodStart() > period) {
            return new Decision(false, false, current, 0);
        }
        BudgetState ledger = current == null || current.periodStart() < period ? new BudgetState(period, 0) : current;
        long available = budgetUnits - ledger.spentUnits();
        if (tagged && ledger.charged(eventTag)) {
            return new Decision(true, true, ledger, EpsilonUnits.toEpsilon(available));
        }
        long units = EpsilonUnits.ceil(cost);
        if (units > available) {
            return new Decision(false, false, ledger, EpsilonUnits.toEpsilon(available));
        }
        BudgetState next = tagged ? ledger.plus(units, eventTag)
                : new BudgetState(period, ledger.spentUnits() + units, ledger.eventTags());
        return new Decision(true, false, next, EpsilonUnits.toEpsilon(available - units));
    }
}
