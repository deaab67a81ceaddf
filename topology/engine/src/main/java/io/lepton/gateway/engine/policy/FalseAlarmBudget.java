package io.lepton.gateway.engine.policy;

import java.time.Duration;

/**
 * The probability of raising at least one false fairness BREACH that a jurisdiction accepts per period, e.g.
 * {@code {alpha: 0.01, per: P30D}}: across every family, attribute, metric, group pair, window and look of that
 * period together. The pooled monitor divides it between its tests up front, so the guarantee holds by construction
 * however often it looks.
 *
 * @param alpha probability of any false BREACH in one period, in (0, 0.5]
 * @param per   length of a budget period; periods are aligned to the epoch and the budget renews in each
 */
public record FalseAlarmBudget(double alpha, Duration per) {

    /** The budget a policy gets when it declares none. */
    public static final FalseAlarmBudget DEFAULT = new FalseAlarmBudget(0.01, Duration.ofDays(30));

    public FalseAlarmBudget {
        if (!(alpha > 0 && alpha <= 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5]: " + alpha);
        }
        if (per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("period must be positive: " + per);
        }
    }
}
