package io.lepton.gateway.engine.fairness;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The per-group counters of one attribute in one window, as a window store keeps them: bounded in the number of
 * groups (so state and metric cardinality are bounded by configuration, not by what producers send) and serialized
 * to a compact byte form.
 *
 * <p>Format: version byte, group count, then per group (in name order) its UTF-8 name and the length-prefixed
 * {@code toBytes()} form of its counters ({@link GroupStats} or {@link ExposureStats}).
 */
public final class GroupTables {

    /** The group that collects every group beyond the bound. */
    public static final String OTHER = "other";

    private static final byte FORMAT_VERSION = 1;

    private GroupTables() {
    }

    /**
     * The group an event of {@code group} is counted in: itself when the table already has it or has fewer than
     * {@code maxGroups} named groups, otherwise {@link #OTHER}. A table so holds at most {@code maxGroups} named
     * groups plus {@link #OTHER}.
     */
    public static String admit(Map<String, ?> table, String group, int maxGroups) {
        if (table.containsKey(group)) {
            return group;
        }
        int named = table.size() - (table.containsKey(OTHER) ? 1 : 0);
        return named < maxGroups ? group : OTHER;
    }

    /** The byte form of {@code table}, each value written with {@code toBytes}. */
    public static <T> byte[] toBytes(Map<String, T> table, Function<T, byte[]> toBytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + table.size() * 24);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeInt(table.size());
            for (Map.Entry<String, T> entry : inNameOrder(table).entrySet()) {
                byte[] value = toBytes.apply(entry.getValue());
                out.writeUTF(entry.getKey());
                out.writeShort(value.length);
                out.write(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> SortedMap<String, T> inNameOrder(Map<String, T> table) {
        return table instanceof SortedMap<String, T> sorted && sorted.comparator() == null
                ? sorted : new TreeMap<>(table);
    }

    /** Reads {@link #toBytes}; {@code null} (no entry in the store yet) reads as an empty table. */
    public static <T> SortedMap<String, T> fromBytes(byte[] bytes, Function<byte[], T> fromBytes) {
        SortedMap<String, T> table = new TreeMap<>();
        if (bytes == null) {
            return table;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != FORMAT_VERSION) {
                throw new IllegalArgumentException("not a serialized group table");
            }
            int size = in.readInt();
            for (int i = 0; i < size; i++) {
                String group = in.readUTF();
                byte[] value = in.readNBytes(in.readUnsignedShort());
                table.put(group, fromBytes.apply(value));
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("trailing bytes after a group table");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated group table", e);
        }
        return table;
    }
}
