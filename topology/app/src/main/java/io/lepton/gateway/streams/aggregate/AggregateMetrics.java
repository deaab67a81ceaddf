package io.lepton.gateway.streams.aggregate;

import io.lepton.gateway.engine.aggregate.AggregateQuery;
import io.lepton.gateway.engine.aggregate.WindowedAggregator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters of the DP aggregates, by jurisdiction, family and aggregate: what happened to each contribution
 * ({@code lepton_dp_aggregate_contributions_total{outcome=kept|duplicate|dropped-group|dropped-contribution|
 * dropped-window|late}}: {@code late} counts events whose window had closed, which are dropped) and what each
 * window close produced ({@code lepton_dp_aggregate_windows_total}, {@code lepton_dp_aggregate_groups_total
 * {outcome=released|suppressed}}). Labels name aggregates, never a subject or a group value. Thread-safe; one
 * instance is shared by all stream threads.
 */
public final class AggregateMetrics {

    static final String CONTRIBUTIONS = "lepton.dp.aggregate.contributions";
    static final String WINDOWS = "lepton.dp.aggregate.windows";
    static final String GROUPS = "lepton.dp.aggregate.groups";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public AggregateMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one contribution of {@code query} and what admission made of it. */
    void admitted(AggregateQuery query, WindowedAggregator.Admission admission) {
        counter(CONTRIBUTIONS, "Contributions to DP aggregates by admission outcome (late ones are dropped)",
                query.jurisdiction(), query.family(), query.name(),
                admission.name().toLowerCase(Locale.ROOT).replace('_', '-')).increment();
    }

    /** Counts what one close of {@code jurisdiction}'s {@code family} aggregates released. */
    void closed(String jurisdiction, String family, WindowedAggregator.Closed closed) {
        if (closed.windows() == 0) {
            return;
        }
        counter(WINDOWS, "Windows of DP aggregates closed and released", jurisdiction, family, null, null)
                .increment(closed.windows());
        counter(GROUPS, "Groups of closed windows, released or suppressed by key selection", jurisdiction, family,
                null, "released").increment(closed.groups() - closed.suppressedGroups());
        counter(GROUPS, "Groups of closed windows, released or suppressed by key selection", jurisdiction, family,
                null, "suppressed").increment(closed.suppressedGroups());
    }

    private Counter counter(String name, String description, String jurisdiction, String family, String aggregate,
            String outcome) {
        return counters.computeIfAbsent(String.join("|", name, jurisdiction, family, String.valueOf(aggregate),
                String.valueOf(outcome)), key -> {
                    Counter.Builder builder = Counter.builder(name).description(description)
                            .tag("jurisdiction", jurisdiction).tag("family", family);
                    if (aggregate != null) {
                        builder.tag("aggregate", aggregate);
                    }
                    if (outcome != null) {
                        builder.tag("outcome", outcome);
                    }
                    return builder.register(registry);
                });
    }
}
