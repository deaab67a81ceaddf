package io.lepton.gateway.streams;

import io.lepton.gateway.engine.fairness.MetricResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fairness monitor's Prometheus meters, so dashboards and alert rules see every metric and group without
 * reading {@code fairness.alerts}.
 *
 * <ul>
 *   <li>{@code lepton_fairness_metric{jurisdiction,family,attribute,metric,partition}}: the metric's value for the
 *       worst pair of groups in the fullest open window (the oldest window still accepting events);</li>
 *   <li>{@code lepton_fairness_group_rate{jurisdiction,family,attribute,group,rate,partition}}: per group,
 *       {@code rate="selection"} (selection / click-through rate), {@code "true_positive"} (TPR, where labels
 *       exist), {@code "exposure_share"} and {@code "relevance_share"} (ranking exposure);</li>
 *   <li>{@code lepton_fairness_alerts_total{jurisdiction,family,metric,status}} and
 *       {@code lepton_fairness_late_events_total{jurisdiction,family}}.</li>
 * </ul>
 * State is per stream task (input partition), hence the {@code partition} label. Cardinality is bounded by
 * configuration: jurisdictions × families × attributes × (metrics + groups ≤ maxGroupsPerAttribute + 1) ×
 * partitions. Thread-safe: the processors of all stream threads share one instance.
 */
final class FairnessMeters {

    private static final String METRIC = "lepton.fairness.metric";
    private static final String GROUP_RATE = "lepton.fairness.group.rate";

    private final MeterRegistry registry;
    private final Map<GaugeKey, GaugeValue> gauges = new ConcurrentHashMap<>();

    /**
     * Identifies one gauge by its label values, so that the hot path (gauges are set on every evaluation) finds it
     * without building {@link Tags}: {@code subject} is the metric name for metric gauges, the group for rates.
     */
    private record GaugeKey(String name, String jurisdiction, String family, String attribute, String subject,
                            String rate, int partition) {
    }

    /** A gauge's current value; gauges hold it strongly, so it lives as long as the registry. */
    private static final class GaugeValue {
        private volatile double value = Double.NaN;
    }

    FairnessMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Sets the metric gauge of {@code result} for one attribute in one task. */
    void metric(String jurisdiction, String family, int partition, MetricResult result) {
        set(new GaugeKey(METRIC, jurisdiction, family, result.attribute(), result.metric(), null, partition),
                result.value());
    }

    /** Sets the per-group rate gauges of one attribute in one task. */
    void groupRates(String jurisdiction, String family, String attribute, int partition, String rate,
                    Map<String, Double> byGroup) {
        byGroup.forEach((group, value) -> set(new GaugeKey(GROUP_RATE, jurisdiction, family, attribute, group, rate,
                partition), value));
    }

    /** Counts a published alert. */
    void alert(String jurisdiction, String family, String metric, String status) {
        Counter.builder("lepton.fairness.alerts").description("Fairness alerts published on fairness.alerts")
                .tags("jurisdiction", jurisdiction, "family", family, "metric", metric, "status", status)
                .register(registry).increment();
    }

    /** Counts an event that arrived after every window containing it had closed (beyond grace). */
    void lateEvent(String jurisdiction, String family) {
        Counter.builder("lepton.fairness.late.events")
                .description("Events ignored by the fairness monitor because their windows had closed")
                .tags("jurisdiction", jurisdiction, "family", family).register(registry).increment();
    }

    private void set(GaugeKey key, double value) {
        GaugeValue holder = gauges.get(key);
        if (holder == null) {
            holder = gauges.computeIfAbsent(key, this::register);
        }
        holder.value = value;
    }

    private GaugeValue register(GaugeKey key) {
        Tags tags = Tags.of("jurisdiction", key.jurisdiction(), "family", key.family(), "attribute", key.attribute(),
                "partition", Integer.toString(key.partition()));
        tags = key.name().equals(METRIC) ? tags.and("metric", key.subject())
                : tags.and("group", key.subject(), "rate", key.rate());
        GaugeValue holder = new GaugeValue();
        Gauge.builder(key.name(), holder, h -> h.value).tags(tags).strongReference(true).register(registry);
        return holder;
    }
}
