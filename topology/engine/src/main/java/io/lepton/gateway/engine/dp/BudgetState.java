package io.lepton.gateway.engine.dp;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One subject's ledger entry in one jurisdiction: the period it describes, the privacy loss spent in it as an exact
 * count of nano-units (10^-9 ε for Laplace jurisdictions, 10^-9 ρ for Gaussian ones, see {@link PrivacyAccountant}),
 * and the 64-bit tags of the events charged in it.
 *
 * <p><b>Why the tags.</b> A replayed or retried event must not be charged twice. Keeping its tag lets the accountant
 * recognise it; the list is naturally short, because only charged events are tagged and a period holds at most
 * budget/cost of them (8 for eu-gdpr). It is capped at {@link #MAX_TAGS} (oldest dropped first) so a policy with a
 * huge budget cannot grow an entry without bound: a duplicate older than the cap is charged again, which costs budget
 * but no privacy, since reproducible noise releases the identical value. The tags are HMACs under the ledger key, so
 * the entry holds no event id. A new period starts with no tags.
 *
 * @param periodStart start of the aligned period, epoch milliseconds
 * @param spentUnits  privacy loss spent in that period, in nano-units, non-negative
 * @param eventTags   tags of the events charged in the period, oldest first, at most {@link #MAX_TAGS}
 */
public record BudgetState(long periodStart, long spentUnits, long[] eventTags) {

    /** Most event tags kept per subject and period. */
    public static final int MAX_TAGS = 256;

    private static final byte V1 = 1;
    private static final byte V2 = 2;
    private static final int V1_SIZE = 1 + Long.BYTES + Long.BYTES;
    private static final int V2_HEADER = 1 + Long.BYTES + Long.BYTES + Short.BYTES;

    public BudgetState {
        if (spentUnits < 0) {
            throw new IllegalArgumentException("spent privacy loss cannot be negative: " + spentUnits);
        }
        eventTags = eventTags == null ? new long[0] : eventTags.clone();
        if (eventTags.length > MAX_TAGS) {
            throw new IllegalArgumentException("at most " + MAX_TAGS + " event tags, got " + eventTags.length);
        }
    }

    /** A period's entry with no tags. */
    public BudgetState(long periodStart, long spentUnits) {
        this(periodStart, spentUnits, new long[0]);
    }

    /** The privacy loss spent in the period, in the accountant's measure (ε or ρ), for metrics and reports. */
    public double spent() {
        return EpsilonUnits.toEpsilon(spentUnits);
    }

    @Override
    public long[] eventTags() {
        return eventTags.clone();
    }

    /** Whether an event with {@code tag} was charged in this period. */
    public boolean charged(long tag) {
        for (long t : eventTags) {
            if (t == tag) {
                return true;
            }
        }
        return false;
    }

    /** This entry with {@code units} more spent and {@code tag} appended (the oldest tag dropped at the cap). */
    BudgetState plus(long units, long tag) {
        int keep = Math.min(eventTags.length, MAX_TAGS - 1);
        long[] tags = Arrays.copyOfRange(eventTags, eventTags.length - keep, eventTags.length + 1);
        tags[keep] = tag;
        return new BudgetState(periodStart, Math.addExact(spentUnits, units), tags);
    }

    /** Version byte 2, period start, spent units, tag count, tags; big-endian. */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(V2_HEADER + eventTags.length * Long.BYTES)
                .put(V2).putLong(periodStart).putLong(spentUnits).putShort((short) eventTags.length);
        for (long tag : eventTags) {
            buffer.putLong(tag);
        }
        return buffer.array();
    }

    /**
     * Parses {@link #toBytes()} output, and version-1 entries (17 bytes, no tags) written before event tags existed,
     * so an upgraded gateway keeps every spend; rejects anything else rather than guessing.
     */
    public static BudgetState fromBytes(byte[] bytes) {
        if (bytes != null && bytes.length == V1_SIZE && bytes[0] == V1) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, V1_SIZE - 1);
            return new BudgetState(buffer.getLong(), buffer.getLong());
        }
        if (bytes == null || bytes.length < V2_HEADER || bytes[0] != V2) {
            throw new IllegalArgumentException("not a version-1 or version-2 budget state");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        long period = buffer.getLong();
        long spent = buffer.getLong();
        int count = buffer.getShort() & 0xFFFF;
        if (bytes.length != V2_HEADER + count * Long.BYTES) {
            throw new IllegalArgumentException("not a version-2 budget state: length does not match its tag count");
        }
        long[] tags = new long[count];
        for (int i = 0; i < count; i++) {
            tags[i] = buffer.getLong();
        }
        return new BudgetState(period, spent, tags);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BudgetState that && periodStart == that.periodStart
                && spentUnits == that.spentUnits && Arrays.equals(eventTags, that.eventTags);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(periodStart) + Long.hashCode(spentUnits)) + Arrays.hashCode(eventTags);
    }

    @Override
    public String toString() {
        return "BudgetState[periodStart=" + periodStart + ", spentUnits=" + spentUnits + ", tags="
                + eventTags.length + "]";
    }
}
