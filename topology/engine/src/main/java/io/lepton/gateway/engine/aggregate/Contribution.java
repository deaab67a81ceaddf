package io.lepton.gateway.engine.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * What one event gives one aggregate, and nothing more: the subject as a keyed token, the group key, the event's
 * keyed rank (for the L∞ sample), its event time and its bounded values in grid units (one per value field of the
 * aggregate, in {@link AggregateQuery#valueFields()} order). This is all that travels on to the stateful stage.
 *
 * @param aggregate index of the aggregate in its family's declared list
 * @param subjectToken keyed, irreversible token of the subject (never the id itself)
 * @param group encoded group key ({@link GroupKey})
 * @param eventRank keyed pseudo-random rank of the event; equal for duplicates of one event id
 * @param eventTime event time in epoch milliseconds
 * @param values clamped values in grid units
 */
public record Contribution(int aggregate, String subjectToken, String group, long eventRank, long eventTime,
        long[] values) {

    /** Aggregates per family, at most ({@link WindowedAggregator} indexes them in one byte). */
    static final int MAX_AGGREGATES = 127;

    public Contribution {
        values = values.clone();
    }

    @Override
    public long[] values() {
        return values.clone();
    }

    long value(int index) {
        return values[index];
    }

    /**
     * First byte of a {@link #bundle bundle}. A single contribution's form starts with its aggregate index, a one-byte
     * varint below 0x80, so a reader tells the two apart (and reads records a previous version wrote to the hop).
     */
    private static final int BUNDLE = 0xFF;

    /** The compact binary form of one contribution. */
    public byte[] toBytes() {
        ByteCodec.Writer out = new ByteCodec.Writer();
        writeTo(out);
        return out.toBytes();
    }

    public static Contribution fromBytes(byte[] bytes) {
        ByteCodec.Reader in = new ByteCodec.Reader(bytes);
        Contribution contribution = readFrom(in);
        in.requireEnd();
        return contribution;
    }

    /**
     * The contributions of one event to its family's aggregates as one hop record: the hop costs a write and a read
     * per event, not per aggregate.
     */
    public static byte[] bundle(List<Contribution> contributions) {
        ByteCodec.Writer out = new ByteCodec.Writer();
        out.rawByte(BUNDLE);
        out.varint(contributions.size());
        contributions.forEach(contribution -> contribution.writeTo(out));
        return out.toBytes();
    }

    /** The contributions of a hop record: a {@link #bundle} or a single contribution's {@link #toBytes() form}. */
    public static List<Contribution> unbundle(byte[] bytes) {
        if (bytes.length == 0 || (bytes[0] & 0xFF) != BUNDLE) {
            return List.of(fromBytes(bytes));
        }
        ByteCodec.Reader in = new ByteCodec.Reader(bytes);
        in.rawByte();
        long count = in.varint();
        if (count < 1 || count > MAX_AGGREGATES) {
            throw new IllegalArgumentException("corrupt contribution bundle: " + count + " contributions");
        }
        List<Contribution> contributions = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            contributions.add(readFrom(in));
        }
        in.requireEnd();
        return contributions;
    }

    private void writeTo(ByteCodec.Writer out) {
        out.varint(aggregate);
        out.string(subjectToken);
        out.string(group);
        out.fixedLong(eventRank);
        out.zigzag(eventTime);
        out.varint(values.length);
        for (long value : values) {
            out.zigzag(value);
        }
    }

    private static Contribution readFrom(ByteCodec.Reader in) {
        int aggregate = (int) in.varint();
        String token = in.string();
        String group = in.string();
        long rank = in.fixedLong();
        long time = in.zigzag();
        long[] values = new long[(int) in.varint()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.zigzag();
        }
        return new Contribution(aggregate, token, group, rank, time, values);
    }
}
