package io.lepton.gateway.engine.fairness;

/**
 * A two-sided confidence interval [low, high] for a fairness statistic; the evaluator raises a breach only when the
 * whole interval lies beyond a threshold, so sampling noise alone cannot trigger an alert.
 */
public record ConfidenceInterval(double low, double high) {

    /** Rejects an inverted interval; NaN bounds are allowed for undefined statistics. */
    public ConfidenceInterval {
        if (low > high) {
            throw new IllegalArgumentException("low > high: " + low + " > " + high);
        }
    }

    /** Whether the interval lies entirely below {@code threshold}. */
    public boolean entirelyBelow(double threshold) {
        return high < threshold;
    }

    /** Whether the interval lies entirely above {@code threshold}. */
    public boolean entirelyAbove(double threshold) {
        return low > threshold;
    }
}
