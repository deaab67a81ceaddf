package io.lepton.gateway.engine.policy;

import java.util.List;
import java.util.Map;

/**
 * A jurisdiction's differentially private windowed aggregates (the policy's {@code aggregates:} section): the only
 * derived data a {@code crossBorder: aggregates-only} lane may send out of its zone.
 *
 * <p>The privacy unit is the subject per budget period ({@code dp.budget.period}): a subject contributes to at most
 * {@code maxWindowsPerPeriod} windows of each aggregate per period, so one aggregate costs a subject at most
 * {@code maxWindowsPerPeriod} window releases per period, whatever the number of events.
 *
 * @param maxWindowsPerPeriod windows of one aggregate a subject may contribute to per budget period
 * @param byFamily the aggregates of each event family, in file order (a family without aggregates is absent)
 */
public record AggregateSettings(int maxWindowsPerPeriod, Map<String, List<AggregateSpec>> byFamily) {

    public AggregateSettings {
        Map<String, List<AggregateSpec>> copy = new java.util.LinkedHashMap<>();
        byFamily.forEach((family, specs) -> copy.put(family, List.copyOf(specs)));
        byFamily = java.util.Collections.unmodifiableMap(copy);
    }

    /** No aggregates: the jurisdiction releases none (a policy without an {@code aggregates:} section). */
    public static AggregateSettings none() {
        return new AggregateSettings(1, Map.of());
    }

    /** The aggregates of {@code family}, empty when it has none. */
    public List<AggregateSpec> forFamily(String family) {
        return byFamily.getOrDefault(family, List.of());
    }
}
