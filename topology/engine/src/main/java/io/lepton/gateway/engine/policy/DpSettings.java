package io.lepton.gateway.engine.policy;

import java.time.Duration;

/**
 * A jurisdiction's differential-privacy settings for fields tagged {@code dp}.
 *
 * @param enabled whether dp-tagged fields are noised (when false they are withheld, never released raw)
 * @param mechanism {@code laplace} (pure ε-DP) or {@code gaussian} ((ε, δ)-DP)
 * @param epsilonPerEvent ε charged for each released event of a subject
 * @param delta δ for the Gaussian mechanism (0 for Laplace)
 * @param clampOutput whether noised values are clamped back into the field's bounds (biased near the bounds)
 * @param budgetEpsilon total ε a subject may spend per budget period
 * @param budgetPeriod length of a budget period
 * @param onExhausted what happens to a subject's events once the budget is spent
 */
public record DpSettings(
        boolean enabled,
        String mechanism,
        double epsilonPerEvent,
        double delta,
        boolean clampOutput,
        double budgetEpsilon,
        Duration budgetPeriod,
        OnExhausted onExhausted) {

    /** Treatment of events of a subject whose budget is spent. */
    public enum OnExhausted { WITHHOLD, SUPPRESS }
}
