package io.lepton.gateway.streams.fairness;

import io.lepton.gateway.engine.fairness.FairnessObservation;
import io.lepton.gateway.engine.fairness.FairnessObservations;
import io.lepton.gateway.engine.fairness.HoppingWindows;
import io.lepton.gateway.engine.fairness.pooled.CountDelta;
import io.lepton.gateway.engine.fairness.pooled.PartialCounts;
import io.lepton.gateway.engine.policy.FairnessSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Map side of one jurisdiction's pooled monitor for one family: counts each subject's first event per pane (events
 * are keyed by subject, so the task sees all of a subject's events) into {@link PartialCounts}, an in-memory table,
 * and forwards the counts as one {@link CountDelta} per attribute on a wall-clock punctuation.
 *
 * <p>Why in memory and not in a store: a store write per event is what made the windowed monitor cost a third of the
 * thread. The price is in the crash window: Kafka Streams' loop runs due punctuations after processing and before
 * committing, and {@link #FLUSH_INTERVAL} is below the exactly-once commit interval, so most commits follow a flush;
 * a crash after a flush but before its commit aborts the forwarded deltas with the transaction and the events are
 * counted again. A commit that falls between two flushes commits the offsets of events still in memory, so a crash
 * right after it loses at most one flush interval of counts (never counts twice). The subject-per-pane memory is
 * lost on a crash too, so a subject may vote twice in the pane of the crash.
 *
 * @param <V> the value type of the parent node, from which {@code decoded} extracts the raw event
 */
public final class PartialCountProcessor<V> implements Processor<byte[], V, String, byte[]> {

    /** How often counts are flushed downstream. */
    public static final Duration FLUSH_INTERVAL = Duration.ofMillis(50);

    private final String family;
    private final FairnessObservations observations;
    private final Function<V, GenericRecord> decoded;
    private final PartialCounts counts;
    private ProcessorContext<String, byte[]> context;
    private long streamTime = Long.MIN_VALUE;

    public PartialCountProcessor(String family, FairnessObservations observations, FairnessSettings settings,
                                 Function<V, GenericRecord> decoded) {
        this.family = family;
        this.observations = observations;
        this.decoded = decoded;
        this.counts = new PartialCounts(HoppingWindows.of(settings.windowSize(), settings.windowAdvance(),
                settings.grace()), settings.referenceGroups(), settings.maxGroupsPerAttribute());
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        context.schedule(FLUSH_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }

    @Override
    public void process(Record<byte[], V> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        GenericRecord event = decoded.apply(record.value());
        long eventTime = eventTime(event, record.timestamp());
        streamTime = Math.max(streamTime, eventTime);
        if (!counts.firstVote(PartialCounts.subjectHash(record.key()), eventTime)) {
            return;
        }
        for (FairnessObservation observation : observations.observe(event)) {
            if (observation instanceof FairnessObservation.Decision d) {
                counts.add(d.attribute(), d.group(), eventTime, d.decision(), d.label());
            }
        }
    }

    private void flush() {
        if (streamTime == Long.MIN_VALUE) {
            return;
        }
        for (Map.Entry<String, CountDelta> delta : counts.drain(streamTime).entrySet()) {
            context.forward(new Record<>(PooledMonitorProcessor.key(family, delta.getKey()),
                    delta.getValue().toBytes(), streamTime));
        }
    }

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
