package io.lepton.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LruCacheTest {

    @Test
    void staysWithinCapacityAndEvictsTheLeastRecentlyUsed() {
        LruCache<Integer, String> cache = new LruCache<>(2);
        cache.put(1, "one");
        cache.put(2, "two");
        assertThat(cache.get(1)).isEqualTo("one");
        cache.put(3, "three");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(2)).as("least recently used").isNull();
        assertThat(cache.get(1)).isEqualTo("one");
        assertThat(cache.get(3)).isEqualTo("three");
    }

    @Test
    void computesOnlyOnMiss() {
        LruCache<String, Integer> cache = new LruCache<>(10);
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            assertThat(cache.computeIfAbsent("k", k -> loads.incrementAndGet())).isEqualTo(1);
        }
        assertThat(loads).hasValue(1);
    }

    @Test
    void failedComputationIsNotCached() {
        LruCache<String, Integer> cache = new LruCache<>(10);
        assertThatThrownBy(() -> cache.computeIfAbsent("k", k -> {
            throw new IllegalStateException("down");
        })).hasMessage("down");
        assertThat(cache.size()).isZero();
    }

    @Test
    void rejectsNonPositiveCapacity() {
        assertThatThrownBy(() -> new LruCache<>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
