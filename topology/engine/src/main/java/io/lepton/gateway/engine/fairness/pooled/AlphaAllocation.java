package io.lepton.gateway.engine.fairness.pooled;

import io.lepton.gateway.engine.policy.FalseAlarmBudget;

/**
 * How a jurisdiction's false-alarm budget α per period is divided, fixed before any data is seen (a weighted union
 * bound, so the shares add up to α whatever the data):
 * <ul>
 *   <li>half to the <b>sequential</b> horizon: one e-process per comparison slot and period, watched after every
 *       flush; Ville's inequality makes its threshold valid for all looks at once, so time costs nothing;</li>
 *   <li>half to the <b>window</b> horizon: one e-value per comparison slot and window, read once at window close;
 *       the share is divided by the windows per period.</li>
 * </ul>
 * A comparison slot is one (family, attribute, metric, non-reference group): the caller counts every slot the
 * jurisdiction could ever test (maxGroupsPerAttribute − 1 groups per attribute), not only those that appear.
 *
 * @param budget           the policy's budget
 * @param comparisonSlots  slots of the whole jurisdiction
 * @param windowsPerPeriod budget period / window advance
 */
public record AlphaAllocation(FalseAlarmBudget budget, int comparisonSlots, long windowsPerPeriod) {

    public AlphaAllocation {
        if (comparisonSlots < 1 || windowsPerPeriod < 1) {
            throw new IllegalArgumentException("need at least one slot and one window per period");
        }
    }

    /** Slots of one (family, attribute): metrics × (maxGroupsPerAttribute − 1) groups compared with the reference. */
    public static int slots(int metrics, int maxGroupsPerAttribute) {
        return metrics * (maxGroupsPerAttribute - 1);
    }

    /** α of one slot's sequential e-process for one period. */
    public double sequentialAlpha() {
        return budget.alpha() / 2 / comparisonSlots;
    }

    /** α of one slot's e-value in one window. */
    public double windowAlpha() {
        return budget.alpha() / 2 / comparisonSlots / windowsPerPeriod;
    }
}
