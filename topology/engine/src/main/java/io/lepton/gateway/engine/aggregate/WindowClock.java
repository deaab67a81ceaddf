package io.lepton.gateway.engine.aggregate;

/**
 * Stream time of one aggregate and how far its windows have been released, so each window is released exactly once.
 *
 * <p>A window [s, s + size) is closed once stream time (the largest event time seen) reaches s + size + grace. An
 * event whose window is closed by that rule is late and dropped (and counted), even if the release itself has not
 * run yet, so what a window contains depends only on the order of the input, never on when the punctuation fires.
 * {@code releasedThrough} is the end of the last released window; a window is released when it is closed and its
 * end exceeds it, and storing this record in the same changelogged store, in the same transaction as the release,
 * is what makes the release exactly-once across restarts.
 *
 * @param streamTime largest event time seen (Long.MIN_VALUE before the first)
 * @param releasedThrough windows ending at or before this have been released
 * @param lateDropped events dropped because their window was closed
 * @param purgedBefore window allowances of budget periods starting before this have been deleted
 */
record WindowClock(long streamTime, long releasedThrough, long lateDropped, long purgedBefore) {

    private static final byte VERSION = 1;

    static WindowClock initial() {
        return new WindowClock(Long.MIN_VALUE, Long.MIN_VALUE, 0, Long.MIN_VALUE);
    }

    WindowClock advance(long eventTime) {
        return eventTime > streamTime ? new WindowClock(eventTime, releasedThrough, lateDropped, purgedBefore) : this;
    }

    boolean isClosed(long windowStart, long windowMillis, long graceMillis) {
        long end = windowStart + windowMillis;
        return end <= releasedThrough || (streamTime != Long.MIN_VALUE && end + graceMillis <= streamTime);
    }

    WindowClock countLate() {
        return new WindowClock(streamTime, releasedThrough, lateDropped + 1, purgedBefore);
    }

    WindowClock released(long windowEnd) {
        return new WindowClock(streamTime, Math.max(releasedThrough, windowEnd), lateDropped, purgedBefore);
    }

    WindowClock purged(long periodStart) {
        return new WindowClock(streamTime, releasedThrough, lateDropped, periodStart);
    }

    byte[] toBytes() {
        ByteCodec.Writer out = new ByteCodec.Writer();
        out.varint(VERSION);
        out.zigzag(streamTime);
        out.zigzag(releasedThrough);
        out.varint(lateDropped);
        out.zigzag(purgedBefore);
        return out.toBytes();
    }

    static WindowClock fromBytes(byte[] bytes) {
        ByteCodec.Reader in = new ByteCodec.Reader(bytes);
        if (in.varint() != VERSION) {
            throw new IllegalArgumentException("unknown window-clock state version");
        }
        WindowClock clock = new WindowClock(in.zigzag(), in.zigzag(), in.varint(), in.zigzag());
        in.requireEnd();
        return clock;
    }
}
