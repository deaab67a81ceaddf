package io.lepton.gateway.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.fairness.GroupStats;
import io.lepton.gateway.engine.fairness.GroupTables;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Panes of 15 minutes tiling hopping windows of one hour. The store is a map behind the two {@link WindowStore}
 * calls panes make (put and point fetch): Kafka's own stores refuse to run outside a task, and the topology tests
 * cover them.
 */
class PaneTablesTest {

    private static final long PANE = Duration.ofMinutes(15).toMillis();
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long T10_00 = Instant.parse("2026-11-24T10:00:00Z").toEpochMilli();
    private static final String KEY = "eu-gdpr|gender";
    private static final GroupStats APPROVED = GroupStats.EMPTY.add(true, null);
    private static final GroupStats DENIED = GroupStats.EMPTY.add(false, null);

    private WindowStore<String, byte[]> store;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void store() {
        Map<String, byte[]> entries = new HashMap<>();
        store = (WindowStore<String, byte[]>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WindowStore.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "put" -> {
                        entries.put(args[0] + "@" + args[2], ((byte[]) args[1]).clone());
                        yield null;
                    }
                    case "fetch" -> {
                        byte[] value = entries.get(args[0] + "@" + args[1]);
                        yield value == null ? null : value.clone();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void anEventCountsInEveryWindowContainingItsPaneAndNoOther() {
        PaneTables<GroupStats> panes = tables(20);
        panes.add(KEY, T10_00 + minutes(14), "F", APPROVED);
        panes.add(KEY, T10_00 + minutes(16), "F", DENIED);
        panes.add(KEY, T10_00 + minutes(59), "M", APPROVED);

        assertThat(panes.count(KEY, T10_00, T10_00 + HOUR)).isEqualTo(3);
        assertThat(panes.count(KEY, T10_00 + PANE, T10_00 + PANE + HOUR)).isEqualTo(2);
        assertThat(panes.count(KEY, T10_00 + HOUR, T10_00 + 2 * HOUR)).isZero();
        assertThat(panes.count(KEY, T10_00 - 3 * PANE, T10_00 + PANE)).isEqualTo(1);

        SortedMap<String, GroupStats> window = panes.window(KEY, T10_00, T10_00 + HOUR);
        assertThat(window.get("F")).isEqualTo(APPROVED.merge(DENIED));
        assertThat(window.get("M")).isEqualTo(APPROVED);
        assertThat(panes.window(KEY, T10_00 + PANE, T10_00 + PANE + HOUR).get("F")).isEqualTo(DENIED);
    }

    @Test
    void theStoreIsTheTruthACacheBuiltLaterOrEvictedReadsTheSameCounts() {
        PaneTables<GroupStats> panes = tables(20);
        for (int i = 0; i < 7; i++) {
            panes.add(KEY, T10_00 + minutes(5 * i), i % 2 == 0 ? "F" : "M", APPROVED);
        }
        SortedMap<String, GroupStats> before = panes.window(KEY, T10_00, T10_00 + HOUR);

        PaneTables<GroupStats> restarted = tables(20);
        assertThat(restarted.window(KEY, T10_00, T10_00 + HOUR)).isEqualTo(before);
        assertThat(restarted.count(KEY, T10_00, T10_00 + HOUR)).isEqualTo(7);

        panes.evictBefore(T10_00 + HOUR);
        assertThat(panes.window(KEY, T10_00, T10_00 + HOUR)).isEqualTo(before);
        panes.add(KEY, T10_00, "F", DENIED);
        assertThat(restarted.count(KEY, T10_00, T10_00 + PANE)).as("a stale cache is not the truth").isEqualTo(3);
        assertThat(tables(20).count(KEY, T10_00, T10_00 + PANE)).isEqualTo(4);
    }

    @Test
    void aWindowHoldsAtMostMaxGroupsNamedGroupsEvenWhenItsPanesNamedDifferentOnes() {
        PaneTables<GroupStats> panes = tables(2);
        panes.add(KEY, T10_00, "a", APPROVED);
        panes.add(KEY, T10_00, "b", APPROVED);
        panes.add(KEY, T10_00, "c", APPROVED);
        panes.add(KEY, T10_00 + PANE, "d", DENIED);
        panes.add(KEY, T10_00 + PANE, "e", DENIED);

        SortedMap<String, GroupStats> window = panes.window(KEY, T10_00, T10_00 + HOUR);
        assertThat(window.keySet()).containsExactly("a", "b", GroupTables.OTHER);
        assertThat(window.get(GroupTables.OTHER).n()).isEqualTo(3);
        assertThat(panes.window(KEY, T10_00 + PANE, T10_00 + PANE + HOUR).keySet()).containsExactly("d", "e");
    }

    private PaneTables<GroupStats> tables(int maxGroups) {
        return new PaneTables<>(store, GroupTableKind.DECISIONS, PANE, maxGroups);
    }

    private static long minutes(int m) {
        return Duration.ofMinutes(m).toMillis();
    }
}
