package io.lepton.gateway.streams;

import io.lepton.gateway.engine.fairness.AlertState;
import io.lepton.gateway.engine.fairness.AlertTracker;
import io.lepton.gateway.engine.fairness.AlertTransition;
import io.lepton.gateway.engine.fairness.ExposureStats;
import io.lepton.gateway.engine.fairness.FairnessEvaluator;
import io.lepton.gateway.engine.fairness.FairnessObservation;
import io.lepton.gateway.engine.fairness.FairnessObservations;
import io.lepton.gateway.engine.fairness.FairnessThresholds;
import io.lepton.gateway.engine.fairness.GroupStats;
import io.lepton.gateway.engine.fairness.HoppingWindows;
import io.lepton.gateway.engine.fairness.MetricResult;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.schemas.AlertStatus;
import io.lepton.schemas.FairnessAlert;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The fairness monitor of one (jurisdiction, family): counts each raw event's decision or impression per protected
 * group in the pane of event time containing its {@code occurredAt} ({@link PaneTables}: the hopping windows are
 * unions of panes), evaluates every open window containing the event with the significance-gated
 * {@link FairnessEvaluator}, and publishes de-duplicated BREACH / CLEARED alerts ({@link AlertTracker} with
 * hysteresis) on its jurisdiction's {@code fairness.alerts.<jurisdiction>}.
 *
 * <p>It sees the raw event, the only place protected attributes still exist, and keeps nothing per person: the
 * window store holds one table of group counters per attribute and pane, so state is bounded by attributes × groups
 * × open panes. Stream time is the highest {@code occurredAt} seen by the task,
 * kept in the alert store so it survives restarts; an event whose windows have all closed (end + grace passed) is
 * counted as late and ignored.
 *
 * <p>Windows are evaluated as they fill, on a geometric schedule: at every event while a window has fewer than
 * 128 events, then at every ⌊n/64⌋-th, so an alert comes at most ~1.6 % of the window's events late while the
 * number of evaluations (and of statistical looks at the data) grows with log n instead of n. Windows are visited newest first, so a
 * breach seen at once in several overlapping windows is published once, for the newest (older ones are stale for
 * the tracker). A window where fewer than two groups have {@code minSamplesPerGroup} events cannot change an alert
 * (every metric is insufficient data), so it is evaluated only when it is the fullest, for the gauges.
 */
final class FairnessMonitorProcessor implements Processor<byte[], RoutedEvent, String, FairnessAlert> {

    private static final int EVALUATIONS_PER_DOUBLING = 64;
    private static final String STREAM_TIME_PREFIX = "stream-time|";
    private static final String ALERT_PREFIX = "alert|";

    private final JurisdictionPolicy policy;
    private final EventFamily eventFamily;
    private final String family;
    private final FairnessObservations observations;
    private final HoppingWindows windows;
    private final long paneMs;
    private final FairnessThresholds thresholds;
    private final FairnessEvaluator evaluator = new FairnessEvaluator();
    private final String windowStoreName;
    private final String alertStoreName;
    private final FairnessMeters meters;
    private ProcessorContext<String, FairnessAlert> context;
    private PaneTables<GroupStats> decisions;
    private PaneTables<ExposureStats> impressions;
    private KeyValueStore<String, byte[]> state;
    private final Map<String, AlertState> alertStates = new HashMap<>();
    private int partition;
    private long streamTime;

    FairnessMonitorProcessor(JurisdictionPolicy policy, EventFamily family, FairnessObservations observations,
                             String windowStoreName, String alertStoreName, FairnessMeters meters) {
        this.policy = policy;
        this.eventFamily = family;
        this.family = family.name();
        this.observations = observations;
        this.windows = HoppingWindows.of(policy.fairness().windowSize(), policy.fairness().windowAdvance(),
                policy.fairness().grace());
        this.paneMs = windows.paneMs();
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
        WindowStore<String, byte[]> tables = context.getStateStore(windowStoreName);
        int maxGroups = policy.fairness().maxGroupsPerAttribute();
        this.decisions = new PaneTables<>(tables, GroupTableKind.DECISIONS, paneMs, maxGroups);
        this.impressions = new PaneTables<>(tables, GroupTableKind.IMPRESSIONS, paneMs, maxGroups);
        this.state = context.getStateStore(alertStoreName);
        this.alertStates.clear();
        this.partition = context.taskId().partition();
        byte[] stored = state.get(STREAM_TIME_PREFIX + policy.id());
        this.streamTime = stored == null ? Long.MIN_VALUE : ByteBuffer.wrap(stored).getLong();
    }

    @Override
    public void process(Record<byte[], RoutedEvent> record) {
        GenericRecord event = record.value().record();
        long eventTime = eventFamily.occurredAt(event);
        advanceStreamTime(eventTime);
        long[] open = openWindows(eventTime);
        if (open.length == 0) {
            meters.lateEvent(policy.id(), family);
            return;
        }
        for (FairnessObservation observation : observations.observe(event)) {
            if (observation instanceof FairnessObservation.Decision d) {
                update(decisions, GroupTableKind.DECISIONS, d.attribute(), d.group(),
                        GroupStats.EMPTY.add(d.decision(), d.label()), eventTime, open, record.timestamp());
            } else if (observation instanceof FairnessObservation.Impression i) {
                update(impressions, GroupTableKind.IMPRESSIONS, i.attribute(), i.group(),
                        ExposureStats.EMPTY.add(i.rank(), i.relevance()), eventTime, open, record.timestamp());
            }
        }
    }

    private <T> void update(PaneTables<T> panes, GroupTableKind<T> kind, String attribute, String group, T one,
            long eventTime, long[] open, long timestamp) {
        String key = policy.id() + "|" + attribute;
        panes.add(key, eventTime, group, one);
        for (int w = 0; w < open.length; w++) {
            long start = open[w];
            long end = windows.end(start);
            if (!due(panes.count(key, start, end))) {
                continue;
            }
            SortedMap<String, T> table = panes.window(key, start, end);
            boolean fullest = w == open.length - 1;
            boolean comparable = kind.comparable(table, thresholds.minSamplesPerGroup());
            if (!comparable && !fullest) {
                continue;
            }
            List<MetricResult> results = kind.evaluation().evaluate(evaluator, attribute, table, thresholds);
            if (comparable) {
                for (MetricResult result : results) {
                    track(result, start, timestamp);
                }
            }
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
        AlertState previous = alertState(alertKey);
        AlertTracker.Step step = AlertTracker.step(previous, windowStart, result);
        if (!step.state().equals(previous)) {
            alertStates.put(alertKey, step.state());
            state.put(ALERT_PREFIX + alertKey, step.state().toBytes());
        }
        if (step.transition() != AlertTransition.NONE) {
            AlertStatus status = AlertStatus.valueOf(step.transition().name());
            context.forward(new Record<>(alertKey, alert(alertKey, status, result, windowStart), timestamp));
            meters.alert(policy.id(), family, result.metric(), status.name());
        }
    }

    /** The stored alert state of {@code alertKey}, read once per task and then kept in step with the store. */
    private AlertState alertState(String alertKey) {
        AlertState cached = alertStates.get(alertKey);
        if (cached == null) {
            byte[] stored = state.get(ALERT_PREFIX + alertKey);
            cached = stored == null ? AlertState.INITIAL : AlertState.fromBytes(stored);
            alertStates.put(alertKey, cached);
        }
        return cached;
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

    /** Starts of the windows containing {@code eventTime} that are still open at the stream time, newest first. */
    private long[] openWindows(long eventTime) {
        long[] starts = windows.startsContaining(eventTime);
        int open = 0;
        while (open < starts.length && !windows.closed(starts[open], streamTime)) {
            open++;
        }
        return open == starts.length ? starts : Arrays.copyOf(starts, open);
    }

    /**
     * Raises the task's stream time to {@code eventTime} if later, keeping it in the alert store so that it survives
     * restarts; when it enters a new pane, forgets the cached panes that no open window contains any more.
     */
    private void advanceStreamTime(long eventTime) {
        if (eventTime <= streamTime) {
            return;
        }
        boolean newPane = streamTime == Long.MIN_VALUE
                || Math.floorDiv(eventTime, paneMs) != Math.floorDiv(streamTime, paneMs);
        streamTime = eventTime;
        state.put(STREAM_TIME_PREFIX + policy.id(), ByteBuffer.allocate(Long.BYTES).putLong(eventTime).array());
        if (newPane) {
            // a pane is needed while the newest window starting at or before it is open
            long oldestOpen = Math.floorDiv(streamTime - windows.sizeMs() - windows.graceMs(), windows.advanceMs())
                    * windows.advanceMs();
            decisions.evictBefore(oldestOpen);
            impressions.evictBefore(oldestOpen);
        }
    }
}
