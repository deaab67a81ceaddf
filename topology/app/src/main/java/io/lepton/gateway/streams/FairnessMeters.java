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

    private final MeterRegistry registry;
    private final Map<String, GaugeValue> gauges = new ConcurrentHashMap<>();

    /** A gauge's current value; gauges hold it strongly, so it lives as long as the registry. */
    private static final class GaugeValue {
        private volatile double value = Double.NaN;
    }

    FairnessMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Sets the metric gauge of {@code result} for one attribute in one task. */
    void metric(String jurisdiction, String family, int partition, MetricResult result) {
        set("lepton.fairness.metric", Tags.of("jurisdiction", jurisdiction, "family", family,
                "attribute", result.attribute(), "metric", result.metric(), "partition", Integer.toString(partition)),
                result.value());
    }

    /** Sets the per-group rate gauges of one attribute in one task. */
    void groupRates(String jurisdiction, String family, String attribute, int partition, String rate,
                    Map<String, Double> byGroup) {
        byGroup.forEach((group, value) -> set("lepton.fairness.group.rate", Tags.of("jurisdiction", jurisdiction,
                "family", family, "attribute", attribute, "group", group, "rate", rate,
                "partition", Integer.toString(partition)), value));
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

    private void set(String name, Tags tags, double value) {
        gauges.computeIfAbsent(name + tags, key -> {
            GaugeValue holder = new GaugeValue();
            Gauge.builder(name, holder, h -> h.value).tags(tags).strongReference(true).register(registry);
            return holder;
        }).value = value;
    }
}
