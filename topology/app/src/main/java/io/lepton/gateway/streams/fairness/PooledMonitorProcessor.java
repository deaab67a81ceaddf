package io.lepton.gateway.streams.fairness;

import io.lepton.gateway.engine.fairness.pooled.AlphaAllocation;
import io.lepton.gateway.engine.fairness.pooled.CountDelta;
import io.lepton.gateway.engine.fairness.pooled.PooledAlert;
import io.lepton.gateway.engine.fairness.pooled.PooledFairnessMonitor;
import io.lepton.gateway.engine.fairness.pooled.PooledMetric;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.schemas.AlertKind;
import io.lepton.schemas.AlertStatus;
import io.lepton.schemas.FairnessAlert;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Merge side of one jurisdiction's pooled monitor: reads count deltas keyed by family|attribute (so one task holds all
 * partitions' counts of a key), applies them to that key's {@link PooledFairnessMonitor}, writes the monitor's state
 * back to its store after every delta (exactly-once with the input offsets), forwards its alerts and publishes the
 * gated view of the current window to the {@link FairnessMeters}.
 */
public final class PooledMonitorProcessor implements Processor<String, byte[], String, FairnessAlert> {

    private final JurisdictionPolicy policy;
    private final Map<String, List<PooledMetric>> metrics;
    private final AlphaAllocation allocation;
    private final String storeName;
    private final FairnessMeters meters;
    private final Map<String, PooledFairnessMonitor> monitors = new HashMap<>();
    private ProcessorContext<String, FairnessAlert> context;
    private KeyValueStore<String, byte[]> store;

    /**
     * @param metrics per tested {@link #key(String, String)}, the metrics of that (family, attribute)
     */
    public PooledMonitorProcessor(JurisdictionPolicy policy, Map<String, List<PooledMetric>> metrics,
                                  AlphaAllocation allocation, String storeName, FairnessMeters meters) {
        this.policy = policy;
        this.metrics = Map.copyOf(metrics);
        this.allocation = allocation;
        this.storeName = storeName;
        this.meters = meters;
    }

    /** The counts-topic key of a (family, attribute). */
    static String key(String family, String attribute) {
        return family + "|" + attribute;
    }

    @Override
    public void init(ProcessorContext<String, FairnessAlert> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        monitors.clear();
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null || record.value() == null || record.key().indexOf('|') < 0) {
            return;
        }
        PooledFairnessMonitor monitor = monitor(record.key());
        if (monitor == null) {
            return;
        }
        long lateBefore = monitor.lateVotes();
        List<PooledAlert> alerts = monitor.apply(CountDelta.fromBytes(record.value()), record.timestamp());
        store.put(record.key(), monitor.toBytes());
        int bar = record.key().indexOf('|');
        String family = record.key().substring(0, bar);
        for (PooledAlert alert : alerts) {
            context.forward(new Record<>(alert.alertId(), avro(family, alert), record.timestamp()));
            meters.alert(policy.id(), family, alert.metric().id(), alert.breach() ? "BREACH" : "CLEARED",
                    alert.kind().name().toLowerCase(Locale.ROOT));
        }
        if (monitor.lateVotes() > lateBefore) {
            meters.lateVotes(policy.id(), family, monitor.lateVotes() - lateBefore);
        }
        meters.show(policy.id(), family, record.key().substring(bar + 1), monitor.view(record.timestamp()));
    }

    /** The key's monitor, restored from the store after a restart; null for an attribute the lane does not test. */
    private PooledFairnessMonitor monitor(String key) {
        PooledFairnessMonitor cached = monitors.get(key);
        if (cached != null) {
            return cached;
        }
        List<PooledMetric> tested = metrics.get(key);
        if (tested == null) {
            return null;
        }
        int bar = key.indexOf('|');
        PooledFairnessMonitor monitor = new PooledFairnessMonitor(policy.id(), key.substring(0, bar),
                key.substring(bar + 1), policy.fairness(), allocation, tested);
        byte[] stored = store.get(key);
        if (stored != null) {
            monitor.restore(stored);
        }
        monitors.put(key, monitor);
        return monitor;
    }

    private FairnessAlert avro(String family, PooledAlert alert) {
        return FairnessAlert.newBuilder()
                .setAlertId(alert.alertId())
                .setStatus(alert.breach() ? AlertStatus.BREACH : AlertStatus.CLEARED)
                .setJurisdiction(policy.id())
                .setFamily(family)
                .setMetric(alert.metric().id())
                .setAttribute(alert.attribute())
                .setGroups(List.of(alert.group(), alert.referenceGroup()))
                .setValue(alert.value())
                .setCiLow(Double.NaN)
                .setCiHigh(Double.NaN)
                .setThreshold(alert.threshold())
                .setWindowStart(Instant.ofEpochMilli(alert.windowStart()))
                .setWindowEnd(Instant.ofEpochMilli(alert.windowEnd()))
                .setSampleSizes(Map.copyOf(alert.roundedSizes()))
                .setPolicyVersion(policy.version())
                .setKind(alert.kind() == PooledAlert.Kind.SEQUENTIAL ? AlertKind.SEQUENTIAL : AlertKind.WINDOW)
                .setEValue(alert.eValue())
                .setAlphaSpent(alert.alphaSpent())
                .build();
    }
}
