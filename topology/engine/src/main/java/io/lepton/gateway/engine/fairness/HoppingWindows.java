package io.lepton.gateway.engine.fairness;

import java.time.Duration;

/**
 * Hopping event-time windows [start, start + size) whose starts are the multiples of {@code advance} since the
 * epoch, as Kafka Streams' {@code TimeWindows} aligns them, so an event belongs to ⌈size / advance⌉ windows and
 * every instance of the gateway agrees on the window boundaries.
 *
 * @param sizeMs    window length in milliseconds
 * @param advanceMs hop between window starts in milliseconds, at most {@code sizeMs}
 * @param graceMs   how long after its end a window still accepts late events
 */
public record HoppingWindows(long sizeMs, long advanceMs, long graceMs) {

    /** Rejects windows that would miss events or never close. */
    public HoppingWindows {
        if (sizeMs < 1 || advanceMs < 1 || advanceMs > sizeMs || graceMs < 0) {
            throw new IllegalArgumentException("need 0 < advance <= size and grace >= 0, got size=" + sizeMs
                    + " advance=" + advanceMs + " grace=" + graceMs);
        }
    }

    /** Windows from policy durations. */
    public static HoppingWindows of(Duration size, Duration advance, Duration grace) {
        return new HoppingWindows(size.toMillis(), advance.toMillis(), grace.toMillis());
    }

    /** Starts of the windows that contain {@code eventTime}, newest first. */
    public long[] startsContaining(long eventTime) {
        long newest = Math.floorDiv(eventTime, advanceMs) * advanceMs;
        // window i (start = newest - i·advance) contains the event while start + size > eventTime
        long span = newest - eventTime + sizeMs;
        int count = (int) ((span + advanceMs - 1) / advanceMs);
        long[] starts = new long[count];
        for (int i = 0; i < count; i++) {
            starts[i] = newest - i * advanceMs;
        }
        return starts;
    }

    /**
     * The pane length, gcd(size, advance): the longest slice of time that tiles every window, so that a window is the
     * union of {@code size / pane} consecutive panes and an event belongs to exactly one pane.
     */
    public long paneMs() {
        long a = sizeMs;
        long b = advanceMs;
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }

    /** End (exclusive) of the window starting at {@code start}. */
    public long end(long start) {
        return start + sizeMs;
    }

    /** Whether the window starting at {@code start} is closed at {@code streamTime}: its end plus grace has passed. */
    public boolean closed(long start, long streamTime) {
        return streamTime >= start + sizeMs + graceMs;
    }
}
