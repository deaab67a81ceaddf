package io.lepton.gateway.engine.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class GroupTablesTest {

    @Test
    void groupStatsTablesRoundTrip() {
        Map<String, GroupStats> table = Map.of("F", GroupStats.EMPTY.add(true, null).add(false, true),
                "30-39", GroupStats.EMPTY.add(true, true), "ünïcode", GroupStats.EMPTY);
        byte[] bytes = GroupTables.toBytes(table, GroupStats::toBytes);
        assertThat(GroupTables.fromBytes(bytes, GroupStats::fromBytes)).isEqualTo(table);
    }

    @Test
    void exposureTablesRoundTrip() {
        Map<String, ExposureStats> table = Map.of("SMALL", ExposureStats.EMPTY.add(1, 0.9).add(4, 0.2));
        assertThat(GroupTables.fromBytes(GroupTables.toBytes(table, ExposureStats::toBytes), ExposureStats::fromBytes))
                .isEqualTo(table);
    }

    @Test
    void anAbsentEntryIsAnEmptyTableAndGarbageIsRejected() {
        assertThat(GroupTables.fromBytes(null, GroupStats::fromBytes)).isEmpty();
        assertThatThrownBy(() -> GroupTables.fromBytes(new byte[] {9, 0}, GroupStats::fromBytes))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] valid = GroupTables.toBytes(Map.of("F", GroupStats.EMPTY), GroupStats::toBytes);
        byte[] truncated = java.util.Arrays.copyOf(valid, valid.length - 2);
        assertThatThrownBy(() -> GroupTables.fromBytes(truncated, GroupStats::fromBytes))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupsBeyondTheBoundAreFoldedIntoOther() {
        Map<String, GroupStats> table = new HashMap<>();
        for (String group : new String[] {"a", "b", "c", "d", "a", "e"}) {
            table.merge(GroupTables.admit(table, group, 2), GroupStats.EMPTY.add(true, null), GroupStats::merge);
        }
        SortedMap<String, GroupStats> read = GroupTables.fromBytes(GroupTables.toBytes(table, GroupStats::toBytes),
                GroupStats::fromBytes);
        assertThat(read.keySet()).containsExactly("a", "b", GroupTables.OTHER);
        assertThat(read.get("a").n()).isEqualTo(2);
        assertThat(read.get(GroupTables.OTHER).n()).isEqualTo(3);
    }
}
