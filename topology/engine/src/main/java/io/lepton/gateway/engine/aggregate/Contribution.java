package io.lepton.gateway.engine.aggregate;

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

    /** The compact binary form, for the hop to the stateful stage. */
    public byte[] toBytes() {
        ByteCodec.Writer out = new ByteCodec.Writer();
        out.varint(aggregate);
        out.string(subjectToken);
        out.string(group);
        out.fixedLong(eventRank);
        out.zigzag(eventTime);
        out.varint(values.length);
        for (long value : values) {
            out.zigzag(value);
        }
        return out.toBytes();
    }

    public static Contribution fromBytes(byte[] bytes) {
        ByteCodec.Reader in = new ByteCodec.Reader(bytes);
        int aggregate = (int) in.varint();
        String token = in.string();
        String group = in.string();
        long rank = in.fixedLong();
        long time = in.zigzag();
        long[] values = new long[(int) in.varint()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.zigzag();
        }
        in.requireEnd();
        return new Contribution(aggregate, token, group, rank, time, values);
    }
}
