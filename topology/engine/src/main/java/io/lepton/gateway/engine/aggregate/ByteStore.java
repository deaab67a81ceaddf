package io.lepton.gateway.engine.aggregate;

import java.util.function.BiConsumer;

/**
 * The sorted byte-keyed store the aggregator keeps its state in. The app backs it with a changelogged Kafka Streams
 * key-value store (so state survives restarts and moves with its task); {@link InMemoryByteStore} backs it with a
 * sorted map for the accuracy harness and the engine tests. Keys compare as unsigned bytes, lexicographically.
 */
public interface ByteStore {

    byte[] get(byte[] key);

    void put(byte[] key, byte[] value);

    void delete(byte[] key);

    /** Visits every entry with {@code from <= key < to}, in key order; the visitor must not modify the store. */
    void range(byte[] from, byte[] to, BiConsumer<byte[], byte[]> visitor);
}
