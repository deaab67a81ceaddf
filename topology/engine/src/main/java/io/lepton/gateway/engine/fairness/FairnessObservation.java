package io.lepton.gateway.engine.fairness;

/**
 * What one raw event contributes to the fairness monitor for one attribute: the group it belongs to and either a
 * decision (with its outcome label, when known) or a ranking impression. Carries no identifier of the person, so
 * the monitor's state can never be traced back to an individual.
 */
public sealed interface FairnessObservation {

    /** The attribute the group belongs to, e.g. {@code gender}, {@code ageBand}, {@code providerGroup}. */
    String attribute();

    /** The group of the event for {@link #attribute()}, e.g. {@code F}, {@code 30-39}, {@code SMALL}. */
    String group();

    /**
     * A decision taken for a person of {@code group}.
     *
     * @param decision whether the decision was positive (approved, escalated, clicked)
     * @param label    the ground-truth outcome, or {@code null} when the event carries none
     */
    record Decision(String attribute, String group, boolean decision, Boolean label) implements FairnessObservation {
    }

    /**
     * An item of a provider group shown at a rank.
     *
     * @param rank      1-based position in the ranking
     * @param relevance the item's relevance for the user, finite and non-negative
     */
    record Impression(String attribute, String group, int rank, double relevance) implements FairnessObservation {
    }
}
