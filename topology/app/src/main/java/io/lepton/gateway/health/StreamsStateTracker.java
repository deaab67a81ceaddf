package io.lepton.gateway.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Remembers Kafka Streams' state and since when, so readiness can bound how long REBALANCING counts as ready.
 *
 * <p>Why a listener rather than polling {@link KafkaStreams#state()}: a poll every probe period cannot tell a
 * rebalance that started a second ago from one that never ended. Register it with
 * {@link KafkaStreams#setStateListener} (Quarkus does so for a {@code StateListener} bean).
 */
public final class StreamsStateTracker implements KafkaStreams.StateListener {

    private final Clock clock;
    private volatile Snapshot snapshot;

    /** A state and when it was entered. */
    public record Snapshot(KafkaStreams.State state, Instant since) {
    }

    public StreamsStateTracker(Clock clock) {
        this.clock = clock;
        this.snapshot = new Snapshot(KafkaStreams.State.CREATED, clock.instant());
    }

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        snapshot = new Snapshot(newState, clock.instant());
    }

    public Snapshot current() {
        return snapshot;
    }

    /** How long Streams has been in its current state. */
    public Duration inState() {
        return Duration.between(snapshot.since(), clock.instant());
    }
}
