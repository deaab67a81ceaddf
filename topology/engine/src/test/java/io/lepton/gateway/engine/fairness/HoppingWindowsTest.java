package io.lepton.gateway.engine.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HoppingWindowsTest {

    private static final long MINUTE = 60_000;
    private final HoppingWindows hourEveryQuarter = HoppingWindows.of(Duration.ofHours(1), Duration.ofMinutes(15),
            Duration.ofMinutes(5));

    @Test
    void anEventBelongsToSizeOverAdvanceWindowsNewestFirst() {
        long t = 10 * 60 * MINUTE + 7 * MINUTE;
        assertThat(hourEveryQuarter.startsContaining(t)).containsExactly(600 * MINUTE, 585 * MINUTE, 570 * MINUTE,
                555 * MINUTE);
    }

    @Test
    void thePaneIsTheLongestSliceThatTilesEveryWindow() {
        assertThat(hourEveryQuarter.paneMs()).isEqualTo(15 * MINUTE);
        assertThat(new HoppingWindows(60 * MINUTE, 60 * MINUTE, 0).paneMs()).isEqualTo(60 * MINUTE);
        assertThat(new HoppingWindows(61 * MINUTE, 15 * MINUTE, 0).paneMs()).isEqualTo(MINUTE);
        assertThat(new HoppingWindows(30_000, 20_000, 0).paneMs()).isEqualTo(10_000);
    }

    @Test
    void windowBoundariesAreHalfOpen() {
        assertThat(hourEveryQuarter.startsContaining(60 * MINUTE)).containsExactly(60 * MINUTE, 45 * MINUTE,
                30 * MINUTE, 15 * MINUTE);
        assertThat(new HoppingWindows(10, 10, 0).startsContaining(-1)).containsExactly(-10);
    }

    /** Property over 10,000 seeded random (size, advance, time) triples: exactly the windows containing t. */
    @Test
    void startsAreExactlyTheAlignedWindowsContainingTheEvent() {
        Random random = new Random(20261124);
        for (int i = 0; i < 10_000; i++) {
            long advance = 1 + random.nextInt(50);
            long size = advance + random.nextInt(200);
            long t = random.nextInt(20_000) - 10_000;
            HoppingWindows windows = new HoppingWindows(size, advance, 0);
            long[] starts = windows.startsContaining(t);
            long expected = 0;
            for (long s = Math.floorDiv(t - size, advance) * advance; s <= t; s += advance) {
                if (s <= t && t < s + size) {
                    expected++;
                }
            }
            assertThat(starts).hasSize((int) expected);
            for (long s : starts) {
                assertThat(s % advance).isZero();
                assertThat(t).isGreaterThanOrEqualTo(s).isLessThan(windows.end(s));
            }
        }
    }

    @Test
    void aWindowClosesWhenStreamTimePassesItsEndPlusGrace() {
        long start = 600 * MINUTE;
        assertThat(hourEveryQuarter.closed(start, start + 65 * MINUTE - 1)).isFalse();
        assertThat(hourEveryQuarter.closed(start, start + 65 * MINUTE)).isTrue();
    }

    @Test
    void rejectsWindowsThatWouldMissEvents() {
        assertThatThrownBy(() -> new HoppingWindows(10, 11, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HoppingWindows(10, 5, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
