package io.lepton.gateway.streams.fairness;

import io.lepton.gateway.engine.fairness.pooled.WindowView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pooled fairness monitor's Prometheus meters, so dashboards and alert rules see every tested metric and group
 * without reading {@code fairness.alerts.<jurisdiction>}.
 *
 * <ul>
 *   <li>{@code lepton_fairness_metric{jurisdiction,family,attribute,metric,group}}: the metric's point value of the
 *       group against the policy's reference group in the oldest open window;</li>
 *   <li>{@code lepton_fairness_group_rate{jurisdiction,family,attribute,group,rate}}: {@code rate="selection"} or
 *       {@code "true_positive"} of each group of a protected attribute, {@code "exposure_per_relevance"} (mean
 *       exposure / mean relevance) of each group of an exposure-group attribute, in that window;</li>
 *   <li>{@code lepton_fairness_group_votes{jurisdiction,family,attribute,group}}: the group's votes (one per subject
 *       and pane) in that window, <b>rounded</b> half up to a multiple of 10;</li>
 *   <li>{@code lepton_fairness_alerts_total{jurisdiction,family,metric,status,kind}} and
 *       {@code lepton_fairness_late_votes_total{jurisdiction,family}}.</li>
 * </ul>
 * Gauges come from a {@link WindowView}, so a group below the policy's sample gate is never shown; a gauge whose group
 * falls below the gate again reads NaN (Prometheus drops NaN samples from most aggregations) rather than a stale or
 * small-sample value. Counts are pooled over all partitions, so there is no partition label. Cardinality is bounded by
 * configuration: jurisdictions × families × attributes × maxGroupsPerAttribute × (metrics + 3). Thread-safe: the
 * merge processors of all stream threads share one instance.
 */
public final class FairnessMeters {

    private static final String METRIC = "lepton.fairness.metric";
    private static final String GROUP_RATE = "lepton.fairness.group.rate";
    private static final String GROUP_VOTES = "lepton.fairness.group.votes";

    private final MeterRegistry registry;
    private final Map<GaugeKey, GaugeValue> gauges = new ConcurrentHashMap<>();

    /**
     * Identifies one gauge by its label values, so that updates find it without building {@link Tags}: {@code detail}
     * is the metric id for metric gauges, the rate name for rate gauges, empty for votes.
     */
    private record GaugeKey(String name, String jurisdiction, String family, String attribute, String group,
                            String detail) {
    }

    /** A gauge's current value; gauges hold it strongly, so it lives as long as the registry. */
    private static final class GaugeValue {
        private volatile double value = Double.NaN;
    }

    public FairnessMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Publishes {@code view} of one (family, attribute); gauges of groups it no longer shows read NaN. */
    public void show(String jurisdiction, String family, String attribute, WindowView view) {
        Set<GaugeKey> shown = new HashSet<>();
        for (WindowView.Group group : view.groups()) {
            shown.add(set(new GaugeKey(GROUP_VOTES, jurisdiction, family, attribute, group.group(), ""),
                    group.roundedVotes()));
            rate(shown, jurisdiction, family, attribute, group.group(), "selection", group.selectionRate());
            rate(shown, jurisdiction, family, attribute, group.group(), "true_positive", group.truePositiveRate());
            rate(shown, jurisdiction, family, attribute, group.group(), "exposure_per_relevance",
                    group.exposurePerRelevance());
        }
        for (WindowView.Metric metric : view.metrics()) {
            shown.add(set(new GaugeKey(METRIC, jurisdiction, family, attribute, metric.group(), metric.metric()),
                    metric.value()));
        }
        gauges.forEach((key, holder) -> {
            if (key.jurisdiction().equals(jurisdiction) && key.family().equals(family)
                    && key.attribute().equals(attribute) && !shown.contains(key)) {
                holder.value = Double.NaN;
            }
        });
    }

    private void rate(Set<GaugeKey> shown, String jurisdiction, String family, String attribute, String group,
                      String rate, double value) {
        if (!Double.isNaN(value)) {
            shown.add(set(new GaugeKey(GROUP_RATE, jurisdiction, family, attribute, group, rate), value));
        }
    }

    /** Counts a published alert. */
    public void alert(String jurisdiction, String family, String metric, String status, String kind) {
        Counter.builder("lepton.fairness.alerts").description("Fairness alerts published on fairness.alerts.<j>")
                .tags("jurisdiction", jurisdiction, "family", family, "metric", metric, "status", status,
                        "kind", kind)
                .register(registry).increment();
    }

    /** Counts votes that arrived after every window containing them had closed (beyond grace). */
    public void lateVotes(String jurisdiction, String family, long votes) {
        Counter.builder("lepton.fairness.late.votes")
                .description("Votes ignored by the fairness monitor because their windows had closed")
                .tags("jurisdiction", jurisdiction, "family", family).register(registry).increment(votes);
    }

    private GaugeKey set(GaugeKey key, double value) {
        GaugeValue holder = gauges.get(key);
        if (holder == null) {
            holder = gauges.computeIfAbsent(key, this::register);
        }
        holder.value = value;
        return key;
    }

    private GaugeValue register(GaugeKey key) {
        Tags tags = Tags.of("jurisdiction", key.jurisdiction(), "family", key.family(), "attribute", key.attribute(),
                "group", key.group());
        if (key.name().equals(METRIC)) {
            tags = tags.and("metric", key.detail());
        } else if (key.name().equals(GROUP_RATE)) {
            tags = tags.and("rate", key.detail());
        }
        GaugeValue holder = new GaugeValue();
        Gauge.builder(key.name(), holder, h -> h.value).tags(tags).strongReference(true).register(registry);
        return holder;
    }
}
