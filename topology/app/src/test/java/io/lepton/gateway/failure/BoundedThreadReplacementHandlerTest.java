package io.lepton.gateway.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import io.lepton.serdes.RegistryUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class BoundedThreadReplacementHandlerTest {

    private static final Throwable TRANSIENT = new StreamsException(new RegistryUnavailableException("down", null));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final BoundedThreadReplacementHandler handler = new BoundedThreadReplacementHandler(
            new FailureMetrics(meters), 2, Duration.ofMinutes(10), clock);

    @Test
    void transientCausesReplaceTheThreadUntilTheBudgetIsSpent() {
        assertThat(handler.handle(TRANSIENT)).isEqualTo(REPLACE_THREAD);
        clock.advance(Duration.ofMinutes(1));
        assertThat(handler.handle(TRANSIENT)).isEqualTo(REPLACE_THREAD);
        clock.advance(Duration.ofMinutes(1));
        assertThat(handler.handle(TRANSIENT)).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(meters.counter(FailureMetrics.THREAD_FAILURES, "cause", "transient", "response",
                "replace_thread").count()).isEqualTo(2.0);
        assertThat(meters.counter(FailureMetrics.THREAD_FAILURES, "cause", "transient", "response",
                "shutdown_client").count()).isEqualTo(1.0);
    }

    @Test
    void theBudgetRefillsAsReplacementsLeaveTheWindow() {
        handler.handle(TRANSIENT);
        clock.advance(Duration.ofMinutes(5));
        handler.handle(TRANSIENT);
        clock.advance(Duration.ofMinutes(5)); // the first replacement is now exactly one window old
        assertThat(handler.handle(TRANSIENT)).isEqualTo(REPLACE_THREAD);
        assertThat(handler.handle(TRANSIENT)).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void unknownCausesAlsoSpendTheBudgetSoAPoisonLoopEnds() {
        assertThat(handler.handle(new IllegalStateException("bug"))).isEqualTo(REPLACE_THREAD);
        assertThat(handler.handle(new IllegalStateException("bug"))).isEqualTo(REPLACE_THREAD);
        assertThat(handler.handle(new IllegalStateException("bug"))).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void aConfigurationErrorShutsDownAtOnceWithoutSpendingTheBudget() {
        assertThat(handler.handle(new StreamsException(new ConfigException("bad setting")))).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(handler.handle(TRANSIENT)).isEqualTo(REPLACE_THREAD);
        assertThat(meters.counter(FailureMetrics.THREAD_FAILURES, "cause", "configuration", "response",
                "shutdown_client").count()).isEqualTo(1.0);
    }

    @Test
    void aZeroBudgetNeverReplaces() {
        BoundedThreadReplacementHandler none = new BoundedThreadReplacementHandler(new FailureMetrics(meters), 0,
                Duration.ofMinutes(1), clock);
        assertThat(none.handle(TRANSIENT)).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void rejectsANegativeBudgetOrAnEmptyWindow() {
        assertThatThrownBy(() -> new BoundedThreadReplacementHandler(new FailureMetrics(meters), -1,
                Duration.ofMinutes(1), clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoundedThreadReplacementHandler(new FailureMetrics(meters), 1, Duration.ZERO,
                clock)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A clock the test moves by hand. */
    static final class SteppingClock extends Clock {

        private Instant now;

        SteppingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
