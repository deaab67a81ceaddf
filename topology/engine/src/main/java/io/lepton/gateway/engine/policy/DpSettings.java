package io.lepton.gateway.engine.policy;

import java.time.Duration;

/**
 * A jurisdiction's differential-privacy settings for fields tagged {@code dp}.
 *
 * @param enabled whether dp-tagged fields are noised (when false they are withheld, never released raw)
 * @param mechanism {@code laplace} (pure ε-DP) or {@code gaussian} ((ε, δ)-DP, accounted in zCDP)
 * @param epsilonPerEvent ε charged for each released event of a subject
 * @param delta δ for the Gaussian mechanism, per event and for the budget's zCDP conversion (0 for Laplace)
 * @param clampOutput whether noised values are clamped back into the field's bounds (biased near the bounds)
 * @param budgetEpsilon total ε a subject may spend per budget period
 * @param budgetPeriod length of a budget period
 * @param onExhausted what happens to a subject's events once the budget is spent
 * @param maxEventAge how far before the gateway's clock an event's {@code occurredAt} may lie and still be budgeted
 * @param maxClockSkew how far after the gateway's clock an event's {@code occurredAt} may lie
 * @param derived what a dp field derived from released data ({@code "derivedFrom"}) gets
 */
public record DpSettings(
        boolean enabled,
        String mechanism,
        double epsilonPerEvent,
        double delta,
        boolean clampOutput,
        double budgetEpsilon,
        Duration budgetPeriod,
        OnExhausted onExhausted,
        Duration maxEventAge,
        Duration maxClockSkew,
        Derived derived) {

    /** Default {@link #maxEventAge}: consumer lag up to two hours is budgeted, older events are quarantined. */
    public static final Duration DEFAULT_MAX_EVENT_AGE = Duration.ofHours(2);
    /** Default {@link #maxClockSkew}: producers' clocks may run five minutes ahead. */
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    /** Treatment of events of a subject whose budget is spent. */
    public enum OnExhausted { WITHHOLD, SUPPRESS }

    /**
     * Treatment of a dp field tagged {@code "derivedFrom": "<field>"}: {@code NOISE} claims DP for it (only valid when
     * the source field is not released), {@code DROP} removes it from the sanitized schema.
     */
    public enum Derived { NOISE, DROP }
}
