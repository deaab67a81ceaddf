package io.lepton.gateway.engine.fairness;

import java.nio.ByteBuffer;

/**
 * What the {@link AlertTracker} remembers per alert key: whether the last published alert was a BREACH and the
 * window it was published for. Ten bytes in a state store, independent of traffic.
 *
 * @param active      whether the last published alert was BREACH (not yet CLEARED)
 * @param windowStart start of the window the last alert was published for
 */
public record AlertState(boolean active, long windowStart) {

    /** The state of a key that never published an alert. */
    public static final AlertState INITIAL = new AlertState(false, Long.MIN_VALUE);

    private static final byte FORMAT_VERSION = 1;
    private static final int SIZE = 2 + Long.BYTES;

    /** Version byte, active flag byte, big-endian window start. */
    public byte[] toBytes() {
        return ByteBuffer.allocate(SIZE).put(FORMAT_VERSION).put((byte) (active ? 1 : 0)).putLong(windowStart)
                .array();
    }

    /** Reads {@link #toBytes()}; fails on input in any other format. */
    public static AlertState fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE || bytes[0] != FORMAT_VERSION || (bytes[1] & ~1) != 0) {
            throw new IllegalArgumentException("not a serialized AlertState");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, SIZE - 1);
        return new AlertState(buffer.get() == 1, buffer.getLong());
    }
}
