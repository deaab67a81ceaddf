package io.lepton.gateway.streams;

import io.lepton.gateway.engine.fairness.GroupTables;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The fairness monitor's group tables per <em>pane</em>, over a changelogged window store, with a read-through
 * cache of the decoded tables.
 *
 * <p>A pane is a slice of event time {@code gcd(size, advance)} long; every hopping window is the union of
 * {@code size / pane} consecutive panes. Counting an event into its one pane instead of into each of the
 * {@code size / advance} windows that contain it, and merging a window's panes only when it is evaluated, makes an
 * event cost one store write per attribute instead of one per window. The cache keeps the decoded table of every
 * pane an open window may still need, so the per-event path never decodes; each update still writes the pane's
 * bytes through to the store, so the store (and its changelog, committed with the input offsets under exactly-once)
 * is always the truth and a restarted task resumes from it. One instance belongs to one processor of one task.
 *
 * <p>Group bounding: a pane admits at most {@code maxGroups} named groups (more count as
 * {@link GroupTables#OTHER}), and so does a window when its panes are merged, oldest pane first.
 */
final class PaneTables<T> {

    private final WindowStore<String, byte[]> store;
    private final GroupTableKind<T> kind;
    private final long paneMs;
    private final int maxGroups;
    private final Map<String, TreeMap<Long, Pane<T>>> cache = new HashMap<>();

    /** One pane's decoded table and its event count. */
    private static final class Pane<T> {
        private final SortedMap<String, T> table;
        private long n;

        private Pane(SortedMap<String, T> table, GroupTableKind<T> kind) {
            this.table = table;
            for (T stats : table.values()) {
                n += kind.size().applyAsLong(stats);
            }
        }
    }

    PaneTables(WindowStore<String, byte[]> store, GroupTableKind<T> kind, long paneMs, int maxGroups) {
        this.store = store;
        this.kind = kind;
        this.paneMs = paneMs;
        this.maxGroups = maxGroups;
    }

    /** Counts {@code one} for {@code group} in the pane of {@code key} containing {@code eventTime}. */
    void add(String key, long eventTime, String group, T one) {
        long start = Math.floorDiv(eventTime, paneMs) * paneMs;
        Pane<T> pane = pane(key, start);
        pane.table.merge(GroupTables.admit(pane.table, group, maxGroups), one, kind.merge());
        pane.n += kind.size().applyAsLong(one);
        store.put(key, GroupTables.toBytes(pane.table, kind.toBytes()), start);
    }

    /** Events counted for {@code key} in the window {@code [start, end)}. */
    long count(String key, long start, long end) {
        long n = 0;
        for (long p = start; p < end; p += paneMs) {
            n += pane(key, p).n;
        }
        return n;
    }

    /** The window {@code [start, end)} of {@code key} as one table: its panes merged, oldest first. */
    SortedMap<String, T> window(String key, long start, long end) {
        SortedMap<String, T> window = new TreeMap<>();
        for (long p = start; p < end; p += paneMs) {
            pane(key, p).table.forEach((group, stats) ->
                    window.merge(GroupTables.admit(window, group, maxGroups), stats, kind.merge()));
        }
        return window;
    }

    /** Forgets the decoded panes that start before {@code start} (no open window needs them any more). */
    void evictBefore(long start) {
        for (Iterator<TreeMap<Long, Pane<T>>> it = cache.values().iterator(); it.hasNext(); ) {
            TreeMap<Long, Pane<T>> panes = it.next();
            panes.headMap(start).clear();
            if (panes.isEmpty()) {
                it.remove();
            }
        }
    }

    private Pane<T> pane(String key, long start) {
        TreeMap<Long, Pane<T>> panes = cache.computeIfAbsent(key, k -> new TreeMap<>());
        Pane<T> pane = panes.get(start);
        if (pane == null) {
            pane = new Pane<>(GroupTables.fromBytes(store.fetch(key, start), kind.fromBytes()), kind);
            panes.put(start, pane);
        }
        return pane;
    }
}
