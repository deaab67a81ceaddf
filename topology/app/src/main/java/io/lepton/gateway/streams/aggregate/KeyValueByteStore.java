package io.lepton.gateway.streams.aggregate;

import io.lepton.gateway.engine.aggregate.ByteStore;
import java.util.function.BiConsumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The engine's {@link ByteStore} on a Kafka Streams key-value store. {@link Bytes} compare as unsigned bytes,
 * lexicographically, which is the order the engine's range scans need; Kafka's range is inclusive at both ends, so
 * the exclusive upper key is skipped here.
 */
final class KeyValueByteStore implements ByteStore {

    private final KeyValueStore<Bytes, byte[]> store;

    KeyValueByteStore(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    @Override
    public byte[] get(byte[] key) {
        return store.get(Bytes.wrap(key));
    }

    @Override
    public void put(byte[] key, byte[] value) {
        store.put(Bytes.wrap(key), value);
    }

    @Override
    public void delete(byte[] key) {
        store.delete(Bytes.wrap(key));
    }

    @Override
    public void range(byte[] from, byte[] to, BiConsumer<byte[], byte[]> visitor) {
        Bytes end = Bytes.wrap(to);
        try (KeyValueIterator<Bytes, byte[]> entries = store.range(Bytes.wrap(from), end)) {
            while (entries.hasNext()) {
                KeyValue<Bytes, byte[]> entry = entries.next();
                if (!entry.key.equals(end)) {
                    visitor.accept(entry.key.get(), entry.value);
                }
            }
        }
    }
}
