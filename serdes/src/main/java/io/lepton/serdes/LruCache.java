package io.lepton.serdes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A thread-safe, size-bounded least-recently-used cache.
 *
 * <p>Why bounded: schema ids and subjects come from data; a producer registering a new schema per record (a bug we
 * have seen in the field) must not grow the gateway's heap without limit. Lookups are short and uncontended in
 * practice (one hit per record), so a synchronized {@link LinkedHashMap} is simpler than anything lock-free.
 */
public final class LruCache<K, V> {

    private final int capacity;
    private final Map<K, V> entries;

    public LruCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 64), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > LruCache.this.capacity;
            }
        };
    }

    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    /**
     * Returns the cached value or computes, caches and returns it. The computation runs outside the lock (it may be
     * a registry call), so two threads missing at once may both compute; both results are equal.
     */
    public V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
        V cached = get(key);
        if (cached != null) {
            return cached;
        }
        V loaded = loader.apply(key);
        put(key, loaded);
        return loaded;
    }

    public synchronized int size() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }
}
