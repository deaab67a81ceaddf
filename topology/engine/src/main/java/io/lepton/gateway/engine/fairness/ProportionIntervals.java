package io.lepton.gateway.engine.fairness;

/**
 * Confidence intervals for proportions and for the comparisons of two groups' proportions that fairness metrics
 * make. Score-based (Wilson, Newcombe) rather than Wald intervals because Wald intervals collapse to zero width at
 * 0 % or 100 % and undercover for small groups, which would turn small-sample noise into false alerts.
 */
public final class ProportionIntervals {

    private ProportionIntervals() {
    }

    /**
     * Wilson score interval for x successes in n trials:
     * (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), clamped to exactly 0 / 1 when x = 0 / x = n;
     * [0, 1] when n = 0.
     */
    public static ConfidenceInterval wilson(long successes, long trials, double confidence) {
        requireCounts(successes, trials);
        if (trials == 0) {
            return new ConfidenceInterval(0, 1);
        }
        double z = NormalQuantiles.twoSidedZ(confidence);
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double halfWidth = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        double low = successes == 0 ? 0 : Math.max(0, centre - halfWidth);
        double high = successes == trials ? 1 : Math.min(1, centre + halfWidth);
        return new ConfidenceInterval(low, high);
    }

    /**
     * Newcombe's hybrid score interval (method 10 of Newcombe 1998, Statistics in Medicine 17:873–890) for
     * p1 − p2: with Wilson intervals [l1, u1] and [l2, u2],
     * L = d − √((p1−l1)² + (u2−p2)²), U = d + √((u1−p1)² + (p2−l2)²). [−1, 1] when either group is empty.
     */
    public static ConfidenceInterval newcombeDifference(long successes1, long trials1, long successes2,
                                                        long trials2, double confidence) {
        requireCounts(successes1, trials1);
        requireCounts(successes2, trials2);
        if (trials1 == 0 || trials2 == 0) {
            return new ConfidenceInterval(-1, 1);
        }
        double p1 = (double) successes1 / trials1;
        double p2 = (double) successes2 / trials2;
        ConfidenceInterval w1 = wilson(successes1, trials1, confidence);
        ConfidenceInterval w2 = wilson(successes2, trials2, confidence);
        double d = p1 - p2;
        double low = d - Math.hypot(p1 - w1.low(), w2.high() - p2);
        double high = d + Math.hypot(w1.high() - p1, p2 - w2.low());
        return new ConfidenceInterval(Math.max(-1, low), Math.min(1, high));
    }

    /**
     * Katz log interval for the ratio p1 / p2 (a risk ratio, here the disparate impact):
     * exp(ln(p̂1/p̂2) ± z·√(1/x1 − 1/n1 + 1/x2 − 1/n2)).
     *
     * <p>Fallback when x1 = 0 or x2 = 0 (the log ratio or its variance is infinite): 0.5 is added to both success
     * counts and both trial counts (Haldane–Anscombe correction) and the interval is computed around the corrected
     * ratio, so it stays finite and wide instead of degenerate. [0, +∞] when either group is empty.
     */
    public static ConfidenceInterval katzRatio(long successes1, long trials1, long successes2, long trials2,
                                               double confidence) {
        requireCounts(successes1, trials1);
        requireCounts(successes2, trials2);
        if (trials1 == 0 || trials2 == 0) {
            return new ConfidenceInterval(0, Double.POSITIVE_INFINITY);
        }
        double correction = successes1 == 0 || successes2 == 0 ? 0.5 : 0;
        double x1 = successes1 + correction;
        double n1 = trials1 + correction;
        double x2 = successes2 + correction;
        double n2 = trials2 + correction;
        double logRatio = Math.log((x1 / n1) / (x2 / n2));
        double standardError = Math.sqrt(Math.max(0, 1 / x1 - 1 / n1 + 1 / x2 - 1 / n2));
        double margin = NormalQuantiles.twoSidedZ(confidence) * standardError;
        return new ConfidenceInterval(Math.exp(logRatio - margin), Math.exp(logRatio + margin));
    }

    private static void requireCounts(long successes, long trials) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + "/" + trials);
        }
    }
}
