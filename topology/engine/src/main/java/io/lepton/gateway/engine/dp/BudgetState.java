package io.lepton.gateway.engine.dp;

import java.nio.ByteBuffer;

/**
 * One subject's ledger entry in one jurisdiction: the start of the period it describes and the ε spent in it, kept
 * as an exact count of nano-ε (10^-9 ε, see {@link EpsilonUnits}) so that sums never drift past the budget.
 * Stored in a key-value state store through {@link #toBytes()} (17 bytes).
 *
 * @param periodStart      start of the aligned period, epoch milliseconds
 * @param spentNanoEpsilon ε spent in that period, in units of 10^-9 ε, non-negative
 */
public record BudgetState(long periodStart, long spentNanoEpsilon) {

    private static final byte FORMAT_VERSION = 1;
    private static final int SERIALIZED_SIZE = 1 + Long.BYTES + Long.BYTES;

    public BudgetState {
        if (spentNanoEpsilon < 0) {
            throw new IllegalArgumentException("spent ε cannot be negative: " + spentNanoEpsilon);
        }
    }

    /** ε spent in the period, as a double (for metrics and audit records). */
    public double spent() {
        return EpsilonUnits.toEpsilon(spentNanoEpsilon);
    }

    /** Version byte, period start, spent nano-ε; big-endian. */
    public byte[] toBytes() {
        return ByteBuffer.allocate(SERIALIZED_SIZE).put(FORMAT_VERSION).putLong(periodStart).putLong(spentNanoEpsilon)
                .array();
    }

    /** Parses {@link #toBytes()} output; rejects other lengths and versions rather than guessing. */
    public static BudgetState fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != SERIALIZED_SIZE || bytes[0] != FORMAT_VERSION) {
            throw new IllegalArgumentException("not a version-" + FORMAT_VERSION + " budget state");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, SERIALIZED_SIZE - 1);
        return new BudgetState(buffer.getLong(), buffer.getLong());
    }
}
