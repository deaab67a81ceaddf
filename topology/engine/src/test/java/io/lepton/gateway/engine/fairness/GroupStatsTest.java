package io.lepton.gateway.engine.fairness;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GroupStatsTest {

    @Property(tries = 300)
    void mergeIsAssociativeAndCommutativeWithEmptyAsIdentity(@ForAll("groupStats") GroupStats a,
                                                             @ForAll("groupStats") GroupStats b,
                                                             @ForAll("groupStats") GroupStats c) {
        assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
        assertThat(a.merge(b)).isEqualTo(b.merge(a));
        assertThat(a.merge(GroupStats.EMPTY)).isEqualTo(a);
    }

    @Property(tries = 300)
    void bytesRoundTrip(@ForAll("groupStats") GroupStats stats) {
        assertThat(GroupStats.fromBytes(stats.toBytes())).isEqualTo(stats);
    }

    @Property(tries = 200)
    void exposureMergeCommutesExactlyAndAssociatesUpToRounding(@ForAll("exposureStats") ExposureStats a,
                                                                @ForAll("exposureStats") ExposureStats b,
                                                                @ForAll("exposureStats") ExposureStats c) {
        assertThat(a.merge(b)).isEqualTo(b.merge(a));
        ExposureStats left = a.merge(b).merge(c);
        ExposureStats right = a.merge(b.merge(c));
        assertThat(left.n()).isEqualTo(right.n());
        // three sums of non-negative doubles: the orders differ by at most a few ulps (relative 1e-15).
        assertThat(left.exposure()).isCloseTo(right.exposure(), within(1e-12 * (1 + right.exposure())));
        assertThat(left.relevance()).isCloseTo(right.relevance(), within(1e-12 * (1 + right.relevance())));
        assertThat(left.crossProducts()).isCloseTo(right.crossProducts(),
                within(1e-12 * (1 + right.crossProducts())));
    }

    @Property(tries = 200)
    void exposureBytesRoundTripBitForBit(@ForAll("exposureStats") ExposureStats stats) {
        assertThat(ExposureStats.fromBytes(stats.toBytes())).isEqualTo(stats);
    }

    @Test
    void encodingIsCompact() {
        assertThat(GroupStats.EMPTY.toBytes()).hasSize(7);
        // 1 version byte + 6 varints of 2 bytes each (values 128..16383)
        assertThat(new GroupStats(1000, 800, 500, 400, 300, 1000).toBytes()).hasSize(13);
        assertThat(ExposureStats.EMPTY.toBytes()).hasSize(1 + 1 + 5 * Double.BYTES);
        GroupStats largest = new GroupStats(Long.MAX_VALUE, Long.MAX_VALUE, 0, 0, 0, 0);
        assertThat(largest.toBytes()).hasSize(1 + 2 * 9 + 4);
        assertThat(GroupStats.fromBytes(largest.toBytes())).isEqualTo(largest);
    }

    @Test
    void rejectsCorruptOrForeignBytes() {
        byte[] valid = new GroupStats(3, 2, 1, 1, 1, 3).toBytes();
        byte[] truncated = Arrays.copyOf(valid, valid.length - 1);
        byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
        byte[] wrongVersion = valid.clone();
        wrongVersion[0] = 9;
        for (byte[] bad : List.of(truncated, trailing, wrongVersion, new byte[0])) {
            assertThatThrownBy(() -> GroupStats.fromBytes(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        // an 11-byte varint (more than 64 bits) and a 10-byte one with bits beyond the 64th
        byte[] overlong = {1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 1, 0, 0, 0, 0, 0};
        byte[] tooWide = {1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 2, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> GroupStats.fromBytes(overlong)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroupStats.fromBytes(tooWide)).isInstanceOf(IllegalArgumentException.class);
        // well-formed varints that describe impossible counts (selected > n)
        assertThatThrownBy(() -> GroupStats.fromBytes(new byte[] {1, 1, 2, 0, 0, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsInconsistentCounts() {
        assertThatThrownBy(() -> new GroupStats(2, 3, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupStats(4, 1, 1, 1, 1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupStats(4, 4, 3, 1, 2, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExposureStats.EMPTY.add(0, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExposureStats.EMPTY.add(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Counters built by add() from random events, so every generated value is reachable by the topology. */
    @Provide
    Arbitrary<GroupStats> groupStats() {
        Arbitrary<Boolean> decision = Arbitraries.of(true, false);
        Arbitrary<Boolean> label = Arbitraries.of(Boolean.TRUE, Boolean.FALSE, null);
        Arbitrary<GroupStats> small = Combinators.combine(decision, label).as(GroupStats.EMPTY::add)
                .list().ofMaxSize(40)
                .map(events -> events.stream().reduce(GroupStats.EMPTY, GroupStats::merge));
        Arbitrary<GroupStats> large = Arbitraries.longs().between(0, 1L << 40).map(n -> new GroupStats(
                n, n / 2, n / 3, n / 4, n / 12, n / 2));
        return Arbitraries.oneOf(small, large);
    }

    @Provide
    Arbitrary<ExposureStats> exposureStats() {
        Arbitrary<Integer> rank = Arbitraries.integers().between(1, 50);
        Arbitrary<Double> relevance = Arbitraries.doubles().between(0, 1);
        return Combinators.combine(rank, relevance).as(ExposureStats.EMPTY::add)
                .list().ofMaxSize(30)
                .map(impressions -> impressions.stream().reduce(ExposureStats.EMPTY, ExposureStats::merge));
    }
}
