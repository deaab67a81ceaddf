package io.lepton.gateway.engine.fairness.pooled;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The votes one task counted for one (family, attribute) since its last flush, per group and pane: what crosses from
 * the map side to the merge side. Binary form: a version byte, then per row the group as a length-prefixed UTF-8
 * string, the pane start and the {@value #COUNTERS} counters as unsigned LEB128 varints; a typical row takes under 20
 * bytes (a decision row's exposure sums and an impression row's decision counts are zeros, one byte each). Version 1
 * (decision counters only, written before exposure was counted) is still read, so deltas in flight across an upgrade
 * are not lost.
 *
 * @param rows one row per (group, pane) with at least one vote
 */
public record CountDelta(List<Row> rows) {

    /** Counters per row, in the order of {@link Row#counters()}. */
    static final int COUNTERS = 6;
    private static final byte VERSION = 2;
    private static final byte DECISIONS_ONLY = 1;

    /**
     * Votes of one group in one pane.
     *
     * @param group             the group, e.g. {@code F}
     * @param paneStart         start of the pane, epoch milliseconds
     * @param votes             votes counted (one per subject and pane)
     * @param selected          votes with a positive decision
     * @param labelledPositive  votes whose outcome label is positive
     * @param truePositive      votes with a positive decision and a positive label
     * @param exposure          for a ranking attribute: Σ position weight of the votes' impressions, fixed point
     *                          ({@link ExposureUnits}); 0 for a decision attribute
     * @param relevance         for a ranking attribute: Σ relevance of the votes' impressions, fixed point
     */
    public record Row(String group, long paneStart, long votes, long selected, long labelledPositive,
                      long truePositive, long exposure, long relevance) {

        /** A decision row: no exposure sums. */
        public Row(String group, long paneStart, long votes, long selected, long labelledPositive,
                   long truePositive) {
            this(group, paneStart, votes, selected, labelledPositive, truePositive, 0, 0);
        }

        /** votes, selected, labelled positive, true positive, exposure, relevance: the merge side's counter layout. */
        long[] counters() {
            return new long[] {votes, selected, labelledPositive, truePositive, exposure, relevance};
        }
    }

    public CountDelta {
        rows = List.copyOf(rows);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 + rows.size() * 16);
        out.write(VERSION);
        putVarint(out, rows.size());
        for (Row row : rows) {
            byte[] group = row.group().getBytes(StandardCharsets.UTF_8);
            putVarint(out, group.length);
            out.write(group, 0, group.length);
            putVarint(out, row.paneStart());
            putVarint(out, row.votes());
            putVarint(out, row.selected());
            putVarint(out, row.labelledPositive());
            putVarint(out, row.truePositive());
            putVarint(out, row.exposure());
            putVarint(out, row.relevance());
        }
        return out.toByteArray();
    }

    public static CountDelta fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0 || (bytes[0] != VERSION && bytes[0] != DECISIONS_ONLY)) {
            throw new IllegalArgumentException("not a serialized CountDelta (format version " + VERSION + ")");
        }
        boolean exposure = bytes[0] == VERSION;
        int[] position = {1};
        long count = varint(bytes, position);
        List<Row> rows = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            int length = Math.toIntExact(varint(bytes, position));
            String group = new String(bytes, position[0], length, StandardCharsets.UTF_8);
            position[0] += length;
            rows.add(new Row(group, varint(bytes, position), varint(bytes, position), varint(bytes, position),
                    varint(bytes, position), varint(bytes, position), exposure ? varint(bytes, position) : 0,
                    exposure ? varint(bytes, position) : 0));
        }
        if (position[0] != bytes.length) {
            throw new IllegalArgumentException("trailing bytes after a CountDelta");
        }
        return new CountDelta(rows);
    }

    static void putVarint(ByteArrayOutputStream out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value in a count delta");
        }
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    static long varint(byte[] bytes, int[] position) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position[0] >= bytes.length) {
                throw new IllegalArgumentException("truncated varint in a count delta");
            }
            byte b = bytes[position[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes in a count delta");
    }
}
