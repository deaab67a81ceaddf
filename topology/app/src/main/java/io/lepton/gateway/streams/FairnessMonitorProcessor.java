package io.lepton.gateway.streams;

import io.lepton.gateway.engine.fairness.AlertState;
import io.lepton.gateway.engine.fairness.AlertTracker;
import io.lepton.gateway.engine.fairness.AlertTransition;
import io.lepton.gateway.engine.fairness.ExposureStats;
import io.lepton.gateway.engine.fairness.FairnessEvaluator;
import io.lepton.gateway.engine.fairness.FairnessMetrics;
import io.lepton.gateway.engine.fairness.FairnessObservation;
import io.lepton.gateway.engine.fairness.FairnessObservations;
import io.lepton.gateway.engine.fairness.FairnessThresholds;
import io.lepton.gateway.engine.fairness.GroupStats;
import io.lepton.gateway.engine.fairness.GroupTables;
import io.lepton.gateway.engine.fairness.HoppingWindows;
import io.lepton.gateway.engine.fairness.MetricResult;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.schemas.AlertStatus;
import io.lepton.schemas.FairnessAlert;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The fairness monitor of one (jurisdiction, family): counts each raw event's decision or impression per protected
 * group in every hopping window containing its {@code occurredAt}, evaluates the window with the significance-gated
 * {@link FairnessEvaluator}, and publishes de-duplicated BREACH / CLEARED alerts ({@link AlertTracker} with
 * hysteresis) on {@code fairness.alerts}.
 *
 * <p>It sees the raw event, the only place protected attributes still exist, and keeps nothing per person: the
 * window store holds one table of group counters per attribute and window ({@link GroupTables}), so state is
 * bounded by attributes × groups × open windows. Stream time is the highest {@code occurredAt} seen by the task,
 * kept in the alert store so it survives restarts; an event whose windows have all closed (end + grace passed) is
 * counted as late and ignored.
 *
 * <p>Windows are evaluated as they fill, on a geometric schedule: at every event while a window has fewer than
 * 128 events, then at every ⌊n/64⌋-th, so an alert comes at most ~1.6 % of the window's events late while the
 * number of evaluations (and of statistical looks at the data) grows with log n instead of n. Windows are visited newest first, so a
 * breach seen at once in several overlapping windows is published once, for the newest (older ones are stale for
 * the tracker).
 */
final class FairnessMonitorProcessor implements Processor<byte[], RoutedEvent, String, FairnessAlert> {

    private static final int EVALUATIONS_PER_DOUBLING = 64;
    private static final String STREAM_TIME_PREFIX = "stream-time|";
    private static final String ALERT_PREFIX = "alert|";

    private final JurisdictionPolicy policy;
    private final String family;
    private final FairnessObservations observations;
    private final HoppingWindows windows;
    private final FairnessThresholds thresholds;
    private final FairnessEvaluator evaluator = new FairnessEvaluator();
    private final String windowStoreName;
    private final String alertStoreName;
    private final FairnessMeters meters;
    private ProcessorContext<String, FairnessAlert> context;
    private WindowStore<String, byte[]> tables;
    private KeyValueStore<String, byte[]> state;
    private int partition;

    /** How one kind of counter table is merged, stored, sized and evaluated. */
    private record TableKind<T>(BinaryOperator<T> merge, Function<T, byte[]> toBytes, Function<byte[], T> fromBytes,
                                ToLongFunction<T> size, Evaluation<T> evaluation, Rates<T> rates) {
    }

    @FunctionalInterface
    private interface Evaluation<T> {
        List<MetricResult> evaluate(FairnessEvaluator evaluator, String attribute, SortedMap<String, T> table,
                                    FairnessThresholds thresholds);
    }

    @FunctionalInterface
    private interface Rates<T> {
        void publish(SortedMap<String, T> table, BiConsumer<String, Map<String, Double>> byRateName);
    }

    private static final TableKind<GroupStats> DECISIONS = new TableKind<>(GroupStats::merge, GroupStats::toBytes,
            GroupStats::fromBytes, GroupStats::n, FairnessEvaluator::evaluate, (table, sink) -> {
                sink.accept("selection", FairnessMetrics.selectionRates(table));
                sink.accept("true_positive", FairnessMetrics.truePositiveRates(table));
            });

    private static final TableKind<ExposureStats> IMPRESSIONS = new TableKind<>(ExposureStats::merge,
            ExposureStats::toBytes, ExposureStats::fromBytes, ExposureStats::n, FairnessEvaluator::evaluateExposure,
            (table, sink) -> {
                sink.accept("exposure_share", FairnessMetrics.exposureShares(table));
                sink.accept("relevance_share", FairnessMetrics.relevanceShares(table));
            });

    FairnessMonitorProcessor(JurisdictionPolicy policy, String family, FairnessObservations observations,
                             String windowStoreName, String alertStoreName, FairnessMeters meters) {
        this.policy = policy;
        this.family = family;
        this.observations = observations;
        this.windows = HoppingWindows.of(policy.fairness().windowSize(), policy.fairness().windowAdvance(),
                policy.fairness().grace());
        this.thresholds = thresholds(policy);
        this.windowStoreName = windowStoreName;
        this.alertStoreName = alertStoreName;
        this.meters = meters;
    }

    /** The evaluator's thresholds from the policy's {@code fairness:} section. */
    static FairnessThresholds thresholds(JurisdictionPolicy policy) {
        var s = policy.fairness();
        return new FairnessThresholds(s.minDisparateImpact(), s.maxParityDifference(),
                s.maxEqualOpportunityDifference(), s.minExposureRatio(), s.minSamplesPerGroup(), s.confidence());
    }

    @Override
    public void init(ProcessorContext<String, FairnessAlert> context) {
        this.context = context;
        this.tables = context.getStateStore(windowStoreName);
        this.state = context.getStateStore(alertStoreName);
        this.partition = context.taskId().partition();
    }

    @Override
    public void process(Record<byte[], RoutedEvent> record) {
        GenericRecord event = record.value().record();
        long eventTime = eventTime(event, record.timestamp());
        long streamTime = advanceStreamTime(eventTime);
        long[] open = openWindows(eventTime, streamTime);
        if (open.length == 0) {
            meters.lateEvent(policy.id(), family);
            return;
        }
        for (FairnessObservation observation : observations.observe(event)) {
            if (observation instanceof FairnessObservation.Decision d) {
                update(DECISIONS, d.attribute(), d.group(), GroupStats.EMPTY.add(d.decision(), d.label()), open,
                        record.timestamp());
            } else if (observation instanceof FairnessObservation.Impression i) {
                update(IMPRESSIONS, i.attribute(), i.group(), ExposureStats.EMPTY.add(i.rank(), i.relevance()), open,
                        record.timestamp());
            }
        }
    }

    private <T> void update(TableKind<T> kind, String attribute, String group, T one, long[] open, long timestamp) {
        String key = policy.id() + "|" + attribute;
        for (int w = 0; w < open.length; w++) {
            long start = open[w];
            SortedMap<String, T> table = GroupTables.fromBytes(tables.fetch(key, start), kind.fromBytes());
            table.merge(GroupTables.admit(table, group, policy.fairness().maxGroupsPerAttribute()), one, kind.merge());
            tables.put(key, GroupTables.toBytes(table, kind.toBytes()), start);
            long n = table.values().stream().mapToLong(kind.size()).sum();
            if (!due(n)) {
                continue;
            }
            List<MetricResult> results = kind.evaluation().evaluate(evaluator, attribute, table, thresholds);
            for (MetricResult result : results) {
                track(result, start, timestamp);
            }
            boolean fullest = w == open.length - 1;
            if (fullest) {
                results.forEach(result -> meters.metric(policy.id(), family, partition, result));
                kind.rates().publish(table, (rate, byGroup) ->
                        meters.groupRates(policy.id(), family, attribute, partition, rate, byGroup));
            }
        }
    }

    private static boolean due(long n) {
        return n % Math.max(1, n / EVALUATIONS_PER_DOUBLING) == 0;
    }

    private void track(MetricResult result, long windowStart, long timestamp) {
        String alertKey = AlertTracker.key(policy.id(), family, result.metric(), result.attribute());
        byte[] stored = state.get(ALERT_PREFIX + alertKey);
        AlertState previous = stored == null ? AlertState.INITIAL : AlertState.fromBytes(stored);
        AlertTracker.Step step = AlertTracker.step(previous, windowStart, result);
        if (!step.state().equals(previous)) {
            state.put(ALERT_PREFIX + alertKey, step.state().toBytes());
        }
        if (step.transition() != AlertTransition.NONE) {
            AlertStatus status = AlertStatus.valueOf(step.transition().name());
            context.forward(new Record<>(alertKey, alert(alertKey, status, result, windowStart), timestamp));
            meters.alert(policy.id(), family, result.metric(), status.name());
        }
    }

    private FairnessAlert alert(String alertKey, AlertStatus status, MetricResult result, long windowStart) {
        String identity = alertKey + "|" + windowStart + "|" + status + "|" + partition;
        return FairnessAlert.newBuilder()
                .setAlertId(UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString())
                .setStatus(status)
                .setJurisdiction(policy.id())
                .setFamily(family)
                .setMetric(result.metric())
                .setAttribute(result.attribute())
                .setGroups(List.of(result.disadvantagedGroup(), result.referenceGroup()))
                .setValue(result.value())
                .setCiLow(result.ciLow())
                .setCiHigh(result.ciHigh())
                .setThreshold(result.threshold())
                .setWindowStart(Instant.ofEpochMilli(windowStart))
                .setWindowEnd(Instant.ofEpochMilli(windows.end(windowStart)))
                .setSampleSizes(new TreeMap<>(result.sampleSizes()))
                .setPolicyVersion(policy.version())
                .build();
    }

    private long[] openWindows(long eventTime, long streamTime) {
        long[] starts = windows.startsContaining(eventTime);
        List<Long> open = new ArrayList<>(starts.length);
        for (long start : starts) {
            if (!windows.closed(start, streamTime)) {
                open.add(start);
            }
        }
        return open.stream().mapToLong(Long::longValue).toArray();
    }

    /** Raises the task's stream time to {@code eventTime} if later, and returns it. */
    private long advanceStreamTime(long eventTime) {
        String key = STREAM_TIME_PREFIX + policy.id();
        byte[] stored = state.get(key);
        long current = stored == null ? Long.MIN_VALUE : ByteBuffer.wrap(stored).getLong();
        if (eventTime > current) {
            state.put(key, ByteBuffer.allocate(Long.BYTES).putLong(eventTime).array());
            return eventTime;
        }
        return current;
    }

    /** {@code occurredAt} (epoch millis, or an Instant when read with logical types), else the record time. */
    private static long eventTime(GenericRecord event, long recordTimestamp) {
        Object occurredAt = event.getSchema().getField("occurredAt") == null ? null : event.get("occurredAt");
        if (occurredAt instanceof Long millis) {
            return millis;
        }
        if (occurredAt instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        return recordTimestamp;
    }
}
