package io.lepton.gateway.streams.fairness;

import io.lepton.gateway.engine.fairness.FairnessObservation;
import io.lepton.gateway.engine.fairness.FairnessObservations;
import io.lepton.gateway.engine.fairness.HoppingWindows;
import io.lepton.gateway.engine.fairness.pooled.CountDelta;
import io.lepton.gateway.engine.fairness.pooled.PartialCounts;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.FairnessSettings;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Map side of one jurisdiction's pooled monitor for one family: counts each subject's first event per pane (its
 * decision per protected attribute and its ranking impression, if any) into {@link PartialCounts}, an in-memory table, and forwards the counts as one {@link CountDelta} per attribute on a
 * wall-clock punctuation. The lane sees a subject's events only in the task owning that subject (the router sends
 * the others through the subject hop first), so a task-local set of subjects suffices; the subject is read from the
 * event, not the record key, which is the producer's key before the hop and the pseudonym after it.
 *
 * <p>Why in memory and not in a store: a store write per event is what made the windowed monitor cost a third of the
 * thread. Why every {@link #FLUSH_INTERVAL} and not more often: each delta costs the merge side a fixed amount
 * (applying it, betting, writing the key's state to its store), so the merge's cost is proportional to flushes, not
 * events (in the bench, JFR: the monitor took 18% of the gateway thread at 50 ms, 8% at 500 ms). The price is in
 * the crash window: the exactly-once commit interval (100 ms) is shorter, so a commit usually falls between two
 * flushes and commits the offsets of events whose votes are still in memory; a crash right after it loses at most
 * one flush interval of votes (never counts one twice, and a lost vote is lost whatever its decision, so it costs
 * evidence, not validity). A crash after a flush but before its commit aborts the forwarded deltas with the
 * transaction and the events are counted again. The subject-per-pane memory is lost on a crash too, so a subject
 * may vote twice in the pane of the crash.
 *
 * @param <V> the value type of the parent node, from which {@code decoded} extracts the raw event
 */
public final class PartialCountProcessor<V> implements Processor<byte[], V, String, byte[]> {

    /** How often counts are flushed downstream. */
    public static final Duration FLUSH_INTERVAL = Duration.ofMillis(500);

    private final EventFamily family;
    private final FairnessObservations observations;
    private final Function<V, GenericRecord> decoded;
    private final Function<GenericRecord, OptionalLong> acceptedTime;
    private final PartialCounts counts;
    private ProcessorContext<String, byte[]> context;
    private long streamTime = Long.MIN_VALUE;

    public PartialCountProcessor(EventFamily family, FairnessObservations observations, FairnessSettings settings,
                                 Function<V, GenericRecord> decoded,
                                 Function<GenericRecord, OptionalLong> acceptedTime) {
        this.family = family;
        this.observations = observations;
        this.decoded = decoded;
        this.acceptedTime = acceptedTime;
        this.counts = new PartialCounts(HoppingWindows.of(settings.windowSize(), settings.windowAdvance(),
                settings.grace()), settings.referenceGroups(), settings.maxGroupsPerAttribute());
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        context.schedule(FLUSH_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::flush);
    }

    @Override
    public void process(Record<byte[], V> record) {
        GenericRecord event = record.value() == null ? null : decoded.apply(record.value());
        String subject = event == null ? null : family.subject(event);
        if (subject == null) {
            return;
        }
        OptionalLong accepted = acceptedTime.apply(event);
        if (accepted.isEmpty()) {
            return; // outside the policy's event-time window: quarantined by the sanitizer, never counted
        }
        long eventTime = accepted.getAsLong();
        streamTime = Math.max(streamTime, eventTime);
        if (!counts.firstVote(PartialCounts.subjectHash(subject), eventTime)) {
            return;
        }
        for (FairnessObservation observation : observations.observe(event)) {
            if (observation instanceof FairnessObservation.Decision d) {
                counts.add(d.attribute(), d.group(), eventTime, d.decision(), d.label());
            } else if (observation instanceof FairnessObservation.Impression i) {
                counts.addImpression(i.attribute(), i.group(), eventTime, i.rank(), i.relevance());
            }
        }
    }

    /**
     * Forwards the drained counts stamped with the stream time, but never later than the wall clock: under pure event
     * time (a trusted replay) one far-future event would otherwise stamp the counts beyond what the broker accepts
     * ({@code message.timestamp.after.max.ms}) and fail the stream thread on every retry.
     */
    private void flush(long wallClock) {
        if (streamTime == Long.MIN_VALUE) {
            return;
        }
        for (Map.Entry<String, CountDelta> delta : counts.drain(streamTime).entrySet()) {
            context.forward(new Record<>(PooledMonitorProcessor.key(family.name(), delta.getKey()),
                    delta.getValue().toBytes(), Math.min(streamTime, wallClock)));
        }
    }
}
