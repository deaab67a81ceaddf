package io.lepton.gateway.engine.aggregate;

import java.util.Arrays;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** A {@link ByteStore} on a sorted map: state for one process lifetime (harness, dry runs, tests). */
public final class InMemoryByteStore implements ByteStore {

    private final TreeMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);

    @Override
    public byte[] get(byte[] key) {
        return entries.get(key);
    }

    @Override
    public void put(byte[] key, byte[] value) {
        entries.put(key.clone(), value.clone());
    }

    @Override
    public void delete(byte[] key) {
        entries.remove(key);
    }

    @Override
    public void range(byte[] from, byte[] to, BiConsumer<byte[], byte[]> visitor) {
        entries.subMap(from, true, to, false).forEach(visitor);
    }

    /** Number of entries, for state-size checks. */
    public int size() {
        return entries.size();
    }
}
