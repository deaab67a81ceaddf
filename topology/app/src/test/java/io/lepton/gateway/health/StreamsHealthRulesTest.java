package io.lepton.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StreamsHealthRulesTest {

    private final StreamsHealthRules rules = new StreamsHealthRules(Duration.ofSeconds(60));

    @ParameterizedTest(name = "{0} for {1}s, registry {2}, broker {3} -> {4} ({5})")
    @CsvSource({
            "RUNNING,        3600, true,  true,  true,  running",
            "REBALANCING,    59,   true,  true,  true,  rebalancing",
            "REBALANCING,    60,   true,  true,  true,  rebalancing",
            "REBALANCING,    61,   true,  true,  false, rebalancing-too-long",
            "RUNNING,        10,   false, true,  false, registry-unreachable",
            "RUNNING,        10,   true,  false, false, broker-unreachable",
            "REBALANCING,    1,    false, true,  false, registry-unreachable",
            "ERROR,          0,    true,  true,  false, streams-error",
            "PENDING_ERROR,  0,    true,  true,  false, streams-pending_error",
            "NOT_RUNNING,    0,    true,  true,  false, streams-not_running",
            "CREATED,        0,    true,  true,  false, streams-created",
            "PENDING_SHUTDOWN, 0,  true,  true,  false, streams-pending_shutdown",
    })
    void readiness(State state, long seconds, boolean registry, boolean broker, boolean up, String reason) {
        assertThat(rules.readiness(state, Duration.ofSeconds(seconds), registry, broker))
                .isEqualTo(new HealthVerdict(up, reason));
    }

    @ParameterizedTest(name = "{0} with {1} of {2} threads -> {3} ({4})")
    @CsvSource({
            "RUNNING,          2, 2, true,  running",
            "REBALANCING,      2, 2, true,  rebalancing",
            "CREATED,          0, 2, true,  created",
            "RUNNING,          1, 2, false, stream-thread-lost",
            "REBALANCING,      0, 2, false, stream-thread-lost",
            "ERROR,            0, 2, false, streams-error",
            "PENDING_ERROR,    0, 2, false, streams-pending_error",
            "NOT_RUNNING,      0, 2, false, streams-not_running",
            "PENDING_SHUTDOWN, 2, 2, false, streams-pending_shutdown",
    })
    void liveness(State state, int alive, int configured, boolean up, String reason) {
        assertThat(rules.liveness(state, alive, configured)).isEqualTo(new HealthVerdict(up, reason));
    }

    @Test
    void theTrackerMeasuresTimeInTheCurrentStateFromTheLastChange() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        StreamsStateTracker tracker = new StreamsStateTracker(clock);
        tracker.onChange(State.REBALANCING, State.CREATED);
        clock.now = clock.now.plusSeconds(61);
        assertThat(rules.readiness(tracker.current().state(), tracker.inState(), true, true).reason())
                .isEqualTo("rebalancing-too-long");
        tracker.onChange(State.RUNNING, State.REBALANCING);
        clock.now = clock.now.plusSeconds(5);
        tracker.onChange(State.REBALANCING, State.RUNNING);
        assertThat(tracker.inState()).isZero();
        assertThat(rules.readiness(tracker.current().state(), tracker.inState(), true, true).up()).isTrue();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
