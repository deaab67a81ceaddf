package io.lepton.gateway.streams;

import io.lepton.gateway.engine.QuarantineReason;
import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the gateway did with records, for dashboards and alerts: outcomes per family and jurisdiction
 * ({@code lepton_records_total}), quarantines by reason ({@code lepton_quarantined_total}) and free-text PII found by
 * type ({@code lepton_pii_detections_total}). Labels are codes from bounded sets; never a value or a subject.
 *
 * <p>Beside the records counter, the process's CPU time ({@code lepton_process_cpu_seconds_total}), so that the rate
 * of one over the rate of the other is the CPU-seconds each million events cost, live: the energy and cost figure the
 * bench reports, on the production workload. It is the whole JVM's time, Kafka clients and GC included, as a cloud
 * bill sees it.
 */
final class RecordMetrics {

    static final String RECORDS = "lepton.records";
    static final String QUARANTINED = "lepton.quarantined";
    static final String DETECTIONS = "lepton.pii.detections";
    static final String PROCESS_CPU = "lepton.process.cpu";
    /** Jurisdiction label of records that could not be routed. */
    static final String UNROUTED = "unrouted";

    private final MeterRegistry registry;
    private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();

    /** A counter by name and label values, found on the per-event path without building strings. */
    private record CounterKey(String name, List<String> tags) {
    }

    RecordMetrics(MeterRegistry registry) {
        this.registry = registry;
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        FunctionCounter.builder(PROCESS_CPU, os, bean -> bean.getProcessCpuTime() / 1e9)
                .baseUnit("seconds").description("CPU time of the gateway process").register(registry);
    }

    /** One event of {@code family} in {@code jurisdiction} ended as {@code outcome} (released, suppressed, quarantined). */
    void outcome(String family, String jurisdiction, String outcome) {
        counter(RECORDS, "Raw events by outcome", "family", family, "jurisdiction", jurisdiction, "outcome", outcome)
                .increment();
    }

    /** One record quarantined in {@code jurisdiction} (or {@link #UNROUTED}) for {@code reason}. */
    void quarantined(String family, String jurisdiction, QuarantineReason reason) {
        outcome(family, jurisdiction, "quarantined");
        counter(QUARANTINED, "Records quarantined, by reason", "jurisdiction", jurisdiction, "reason",
                reason.headerValue()).increment();
    }

    /** PII found in one event's free text, by detected type. */
    void detections(String jurisdiction, Map<String, Integer> byType) {
        byType.forEach((type, count) -> counter(DETECTIONS, "PII found in free text, by type",
                "jurisdiction", jurisdiction, "type", type).increment(count));
    }

    private Counter counter(String name, String description, String... tags) {
        CounterKey key = new CounterKey(name, Arrays.asList(tags));
        Counter counter = counters.get(key);
        return counter != null ? counter : counters.computeIfAbsent(key,
                k -> Counter.builder(name).description(description).tags(tags).register(registry));
    }
}
