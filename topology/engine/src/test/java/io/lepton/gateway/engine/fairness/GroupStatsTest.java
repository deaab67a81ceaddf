package io.lepton.gateway.engine.fairness;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GroupStatsTest {

    /*
     * Properties run as seeded loops: a failure names the seed and the try, and a rerun replays the same inputs.
     */
    private static final long SEED = 20260115L;
    private static final int TRIES = 1000;

    @Test
    void mergeIsAssociativeAndCommutativeWithEmptyAsIdentity() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int attempt = 0; attempt < TRIES; attempt++) {
            GroupStats a = groupStats(random);
            GroupStats b = groupStats(random);
            GroupStats c = groupStats(random);
            String input = String.format("seed %d, try %d, a=%s b=%s c=%s", SEED, attempt, a, b, c);
            assertThat(a.merge(b).merge(c)).as(input).isEqualTo(a.merge(b.merge(c)));
            assertThat(a.merge(b)).as(input).isEqualTo(b.merge(a));
            assertThat(a.merge(GroupStats.EMPTY)).as(input).isEqualTo(a);
            assertThat(GroupStats.EMPTY.merge(a)).as(input).isEqualTo(a);
        }
    }

    @Test
    void bytesRoundTrip() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int attempt = 0; attempt < TRIES; attempt++) {
            GroupStats stats = groupStats(random);
            assertThat(GroupStats.fromBytes(stats.toBytes()))
                    .as("seed %d, try %d, stats=%s", SEED, attempt, stats)
                    .isEqualTo(stats);
        }
    }

    @Test
    void exposureMergeCommutesExactlyAndAssociatesUpToRounding() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int attempt = 0; attempt < TRIES; attempt++) {
            ExposureStats a = exposureStats(random);
            ExposureStats b = exposureStats(random);
            ExposureStats c = exposureStats(random);
            String input = String.format("seed %d, try %d, a=%s b=%s c=%s", SEED, attempt, a, b, c);
            assertThat(a.merge(b)).as(input).isEqualTo(b.merge(a));
            ExposureStats left = a.merge(b).merge(c);
            ExposureStats right = a.merge(b.merge(c));
            assertThat(left.n()).as(input).isEqualTo(right.n());
            // three sums of non-negative doubles: the orders differ by at most a few ulps (relative 1e-15).
            assertThat(left.exposure()).as(input)
                    .isCloseTo(right.exposure(), within(1e-12 * (1 + right.exposure())));
            assertThat(left.relevance()).as(input)
                    .isCloseTo(right.relevance(), within(1e-12 * (1 + right.relevance())));
            assertThat(left.crossProducts()).as(input)
                    .isCloseTo(right.crossProducts(), within(1e-12 * (1 + right.crossProducts())));
        }
    }

    @Test
    void exposureBytesRoundTripBitForBit() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int attempt = 0; attempt < TRIES; attempt++) {
            ExposureStats stats = exposureStats(random);
            assertThat(ExposureStats.fromBytes(stats.toBytes()))
                    .as("seed %d, try %d, stats=%s", SEED, attempt, stats)
                    .isEqualTo(stats);
        }
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

    /**
     * Half the time counters built by add() from up to 40 random events (so every value is reachable by the
     * topology, EMPTY included), half the time large consistent counters up to 2^40 whose magnitude is spread over
     * every varint width, with 0, 1 and 2^40 as edges.
     */
    private static GroupStats groupStats(SplittableRandom random) {
        if (random.nextBoolean()) {
            GroupStats stats = GroupStats.EMPTY;
            int events = random.nextInt(10) == 0 ? new int[] {0, 1, 40}[random.nextInt(3)] : random.nextInt(41);
            for (int i = 0; i < events; i++) {
                int label = random.nextInt(3);
                stats = stats.add(random.nextBoolean(), label == 2 ? null : label == 1);
            }
            return stats;
        }
        long n = random.nextInt(10) == 0
                ? new long[] {0, 1, 127, 128, 16_383, 16_384, (1L << 40) - 1, 1L << 40}[random.nextInt(8)]
                : random.nextLong(1L << random.nextInt(41));
        return new GroupStats(n, n / 2, n / 3, n / 4, n / 12, n / 2);
    }

    /** Sums of up to 30 impressions at ranks 1..50 with relevance in [0, 1] (edges, a 0.01 grid or any double). */
    private static ExposureStats exposureStats(SplittableRandom random) {
        ExposureStats stats = ExposureStats.EMPTY;
        int impressions = random.nextInt(10) == 0 ? new int[] {0, 1, 30}[random.nextInt(3)] : random.nextInt(31);
        for (int i = 0; i < impressions; i++) {
            int rank = random.nextInt(10) == 0 ? new int[] {1, 2, 50}[random.nextInt(3)] : 1 + random.nextInt(50);
            stats = stats.add(rank, relevance(random));
        }
        return stats;
    }

    private static double relevance(SplittableRandom random) {
        int pick = random.nextInt(10);
        if (pick == 0) {
            return new double[] {0.0, 1.0, 0.01, Double.MIN_VALUE, Math.nextDown(1.0)}[random.nextInt(5)];
        }
        if (pick < 5) {
            return random.nextInt(101) / 100.0;
        }
        return random.nextDouble(0, Math.nextUp(1.0));
    }
}
