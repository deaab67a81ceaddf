package io.lepton.gateway.engine.dp;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Which time decides an event's budget period, so that a producer cannot mint periods by backdating or
 * future-dating {@code occurredAt}.
 *
 * <p>{@link #window(Clock)} (production, dry-run by default): the event's own time is used only when it lies in
 * {@code [now - maxEventAge, now + maxClockSkew]} on the gateway's clock; otherwise the event is refused (the engine
 * quarantines it as {@code event-time-out-of-range}). With {@code maxEventAge + maxClockSkew} no longer than one
 * period (the policy parser enforces it), the accepted window meets at most two periods, so however the producer
 * dates its events a subject gets at most two periods' budget at once, and only across a period boundary. Event
 * time within the window (rather than pure processing time) keeps decisions tied to the event, so a replay shortly
 * after a crash decides as the first run did.
 *
 * <p>{@link #eventTime()} (opt-in for {@code replay}/{@code dry-run} of historic files): the event's
 * {@code occurredAt} as given, no window. Only for trusted input: a producer can then choose its periods.
 */
public final class BudgetTime {

    private final Clock clock;

    private BudgetTime(Clock clock) {
        this.clock = clock;
    }

    /** Event time accepted within the policy's window around {@code clock}. */
    public static BudgetTime window(Clock clock) {
        return new BudgetTime(Objects.requireNonNull(clock, "clock"));
    }

    /** Pure event time, for replays of trusted historic input. */
    public static BudgetTime eventTime() {
        return new BudgetTime(null);
    }

    /** Whether the window applies (false: pure event time). */
    public boolean windowed() {
        return clock != null;
    }

    /**
     * The time to charge an event at {@code occurredAtMillis}, or empty when it lies outside
     * {@code [now - maxEventAge, now + maxClockSkew]}.
     */
    public OptionalLong periodTime(long occurredAtMillis, Duration maxEventAge, Duration maxClockSkew) {
        if (clock == null) {
            return OptionalLong.of(occurredAtMillis);
        }
        long now = clock.millis();
        boolean inRange = occurredAtMillis >= now - maxEventAge.toMillis()
                && occurredAtMillis <= now + maxClockSkew.toMillis();
        return inRange ? OptionalLong.of(occurredAtMillis) : OptionalLong.empty();
    }
}
