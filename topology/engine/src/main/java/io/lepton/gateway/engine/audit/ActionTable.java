package io.lepton.gateway.engine.audit;

import io.lepton.gateway.engine.sanitize.DpRelease;
import io.lepton.gateway.engine.sanitize.RecordSanitizer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the fields of one released event get under one policy version, by audit class and action, once with dp fields
 * noised and once withheld. Every released event of a (family, policy version) gets the same actions, so a roll-up
 * counts events per release kind and multiplies by this table instead of adding a dozen counters per event.
 *
 * <p>The table travels with the stored tally (a few dozen bytes, encoded once), so a tally restored after a restart
 * with another policy version still reports the actions of the version that counted it.
 */
public final class ActionTable {

    /** One (audit class, action) with the number of fields that get it per released and per withheld event. */
    record Entry(String auditClass, String action, int perReleased, int perWithheld) {
    }

    private final List<Entry> entries;
    private final byte[] encoded;

    private ActionTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.encoded = encode(this.entries);
    }

    /** The table of {@code sanitizer}'s policy and family. */
    public static ActionTable of(RecordSanitizer sanitizer) {
        Map<String, Map<String, Integer>> released = sanitizer.actionCounts(DpRelease.RELEASE);
        Map<String, Map<String, Integer>> withheld = sanitizer.actionCounts(DpRelease.WITHHOLD);
        TreeSet<String> classes = new TreeSet<>(released.keySet());
        classes.addAll(withheld.keySet());
        List<Entry> entries = new ArrayList<>();
        for (String auditClass : classes) {
            TreeSet<String> actions = new TreeSet<>(released.getOrDefault(auditClass, Map.of()).keySet());
            actions.addAll(withheld.getOrDefault(auditClass, Map.of()).keySet());
            for (String action : actions) {
                entries.add(new Entry(auditClass, action,
                        released.getOrDefault(auditClass, Map.of()).getOrDefault(action, 0),
                        withheld.getOrDefault(auditClass, Map.of()).getOrDefault(action, 0)));
            }
        }
        return new ActionTable(entries);
    }

    /** Audit class to action to fields, over {@code released} and {@code withheld} events. */
    Map<String, Map<String, Long>> counts(long released, long withheld) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (Entry entry : entries) {
            long fields = entry.perReleased() * released + entry.perWithheld() * withheld;
            if (fields > 0) {
                counts.computeIfAbsent(entry.auditClass(), c -> new TreeMap<>()).put(entry.action(), fields);
            }
        }
        return counts;
    }

    /** The encoded table (shared: never modify). */
    byte[] encoded() {
        return encoded;
    }

    static ActionTable read(DataInputStream in) throws IOException {
        int size = in.readUnsignedShort();
        List<Entry> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            entries.add(new Entry(in.readUTF(), in.readUTF(), in.readUnsignedShort(), in.readUnsignedShort()));
        }
        return new ActionTable(entries);
    }

    private static byte[] encode(List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(entries.size());
            for (Entry entry : entries) {
                out.writeUTF(entry.auditClass());
                out.writeUTF(entry.action());
                out.writeShort(entry.perReleased());
                out.writeShort(entry.perWithheld());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActionTable table && table.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries);
    }
}
