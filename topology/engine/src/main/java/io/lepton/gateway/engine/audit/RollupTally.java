package io.lepton.gateway.engine.audit;

import io.lepton.gateway.engine.Outcome;
import io.lepton.schemas.AuditRollup;
import io.lepton.schemas.BudgetOutcome;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running counts of one roll-up: one window of one (jurisdiction, family, policy version) in one task.
 *
 * <p>{@link #add} is O(1) in the number of events: a few counters, plus one per free-text type the event had (actions
 * are not counted per field but derived from the {@link ActionTable}). {@link #encode} writes the whole tally in a
 * few dozen bytes for the changelogged store that makes it survive a crash; the detection and reason names are
 * encoded once per tally, not per event.
 *
 * <p>Not thread-safe: one tally belongs to one stream task.
 */
public final class RollupTally {

    private static final byte FORMAT = 1;
    private static final double NANOS_PER_EPSILON = 1e9;

    private final ActionTable actions;
    private long released;
    private long withheld;
    private long suppressed;
    private long quarantined;
    private long exhausted;
    private long epsilonNanos;
    private final Map<String, Counter> reasons = new HashMap<>();
    private final Map<String, Counter> detections = new HashMap<>();
    private byte[] scratch = new byte[128];

    /** A name with its encoded form and count. */
    private static final class Counter {
        final byte[] name;
        long count;

        Counter(String name) {
            this.name = name.getBytes(StandardCharsets.UTF_8);
        }
    }

    public RollupTally(ActionTable actions) {
        this.actions = actions;
    }

    /** Counts one event of this tally's (jurisdiction, family, policy version). */
    public void add(Outcome outcome) {
        if (outcome instanceof Outcome.Released r) {
            if (r.budget().outcome() == BudgetOutcome.WITHHELD) {
                withheld++;
            } else {
                released++;
            }
            exhausted += r.budget().exhausted() ? 1 : 0;
            epsilonNanos += Math.round(r.budget().epsilonSpent() * NANOS_PER_EPSILON);
            countDetections(r.event().detections());
        } else if (outcome instanceof Outcome.Suppressed s) {
            suppressed++;
            exhausted += s.audit().getBudgetExhausted() ? 1 : 0;
            countDetections(s.audit().getDetections());
        } else if (outcome instanceof Outcome.Quarantined q) {
            quarantined++;
            count(reasons, q.reason().headerValue(), 1);
        }
    }

    private void countDetections(Map<String, Integer> found) {
        if (!found.isEmpty()) {
            found.forEach((type, count) -> count(detections, type, count));
        }
    }

    private static void count(Map<String, Counter> counters, String name, long by) {
        Counter counter = counters.get(name);
        if (counter == null) {
            counter = new Counter(name);
            counters.put(name, counter);
        }
        counter.count += by;
    }

    /** Events counted. */
    public long events() {
        return released + withheld + suppressed + quarantined;
    }

    /** The roll-up record of this tally. */
    public AuditRollup toRollup(String jurisdiction, String family, String policyVersion, long windowStart,
            long windowEnd, String task) {
        Map<String, Long> outcomes = new TreeMap<>();
        outcomes.put(BudgetOutcome.RELEASED.name(), released);
        outcomes.put(BudgetOutcome.WITHHELD.name(), withheld);
        outcomes.put(BudgetOutcome.SUPPRESSED.name(), suppressed);
        outcomes.put(BudgetOutcome.QUARANTINED.name(), quarantined);
        return new AuditRollup(jurisdiction, family, policyVersion, Instant.ofEpochMilli(windowStart),
                Instant.ofEpochMilli(windowEnd), task, events(), outcomes, exhausted, counts(reasons),
                actions.counts(released, withheld), counts(detections), epsilonNanos / NANOS_PER_EPSILON);
    }

    private static Map<String, Long> counts(Map<String, Counter> counters) {
        Map<String, Long> counts = new TreeMap<>();
        counters.forEach((name, counter) -> counts.put(name, counter.count));
        return counts;
    }

    /** The tally as bytes, for the changelogged store ({@link #decode} reads it back). */
    public byte[] encode() {
        int at = 0;
        byte[] table = actions.encoded();
        ensure(1 + 6 * 10 + 2 * 5 + table.length + size(reasons) + size(detections));
        scratch[at++] = FORMAT;
        at = writeVarLong(at, released);
        at = writeVarLong(at, withheld);
        at = writeVarLong(at, suppressed);
        at = writeVarLong(at, quarantined);
        at = writeVarLong(at, exhausted);
        at = writeVarLong(at, epsilonNanos);
        at = writeCounters(at, reasons);
        at = writeCounters(at, detections);
        System.arraycopy(table, 0, scratch, at, table.length);
        return Arrays.copyOf(scratch, at + table.length);
    }

    /** Reads a tally {@link #encode} wrote. */
    public static RollupTally decode(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != FORMAT) {
            throw new IllegalArgumentException("not an encoded roll-up tally (format " + (bytes.length == 0 ? "none"
                    : Byte.toString(bytes[0])) + ")");
        }
        Reader in = new Reader(bytes, 1);
        long released = in.varLong();
        long withheld = in.varLong();
        long suppressed = in.varLong();
        long quarantined = in.varLong();
        long exhausted = in.varLong();
        long epsilonNanos = in.varLong();
        Map<String, Long> reasons = in.counters();
        Map<String, Long> detections = in.counters();
        ActionTable table;
        try {
            table = ActionTable.read(new DataInputStream(new ByteArrayInputStream(bytes, in.at, bytes.length - in.at)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RollupTally tally = new RollupTally(table);
        tally.released = released;
        tally.withheld = withheld;
        tally.suppressed = suppressed;
        tally.quarantined = quarantined;
        tally.exhausted = exhausted;
        tally.epsilonNanos = epsilonNanos;
        reasons.forEach((name, count) -> count(tally.reasons, name, count));
        detections.forEach((name, count) -> count(tally.detections, name, count));
        return tally;
    }

    private static int size(Map<String, Counter> counters) {
        int size = 0;
        for (Counter counter : counters.values()) {
            size += 5 + counter.name.length + 10;
        }
        return size;
    }

    private void ensure(int capacity) {
        if (scratch.length < capacity) {
            scratch = new byte[Math.max(capacity, scratch.length * 2)];
        }
    }

    private int writeCounters(int at, Map<String, Counter> counters) {
        at = writeVarLong(at, counters.size());
        for (Counter counter : counters.values()) {
            at = writeVarLong(at, counter.name.length);
            System.arraycopy(counter.name, 0, scratch, at, counter.name.length);
            at = writeVarLong(at + counter.name.length, counter.count);
        }
        return at;
    }

    private int writeVarLong(int at, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            scratch[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        scratch[at++] = (byte) v;
        return at;
    }

    /** Reads varints and counters from an encoded tally. */
    private static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes, int at) {
            this.bytes = bytes;
            this.at = at;
        }

        long varLong() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = bytes[at++];
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint in a roll-up tally");
        }

        Map<String, Long> counters() {
            int size = (int) varLong();
            Map<String, Long> counters = new HashMap<>();
            for (int i = 0; i < size; i++) {
                int length = (int) varLong();
                String name = new String(bytes, at, length, StandardCharsets.UTF_8);
                at += length;
                counters.put(name, varLong());
            }
            return counters;
        }
    }
}
