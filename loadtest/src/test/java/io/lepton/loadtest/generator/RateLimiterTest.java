package io.lepton.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Pacing on a fake clock: even spacing, and bounded catch-up after a stall. */
class RateLimiterTest {

    /** A clock that only moves when the limiter sleeps or the test advances it. */
    private static final class FakeTicker implements RateLimiter.Ticker {
        long now = 1_000_000_000L;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            now += nanos;
        }
    }

    @Test
    void spacesPermitsEvenlyAtTheTargetRate() throws InterruptedException {
        FakeTicker ticker = new FakeTicker();
        RateLimiter limiter = new RateLimiter(200, ticker);
        long start = ticker.now;
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire();
        }
        // 1,000 permits at 200/s: the last is due 999 intervals of 5 ms after the first.
        assertThat(ticker.now - start).isEqualTo(999 * 5_000_000L);
    }

    @Test
    void catchesUpAtMostTheBoundAfterAStall() throws InterruptedException {
        FakeTicker ticker = new FakeTicker();
        RateLimiter limiter = new RateLimiter(1_000, ticker);
        limiter.acquire();
        ticker.now += 5_000_000_000L;
        long stalledAt = ticker.now;
        int immediate = 0;
        while (ticker.now == stalledAt) {
            limiter.acquire();
            immediate++;
        }
        // Permits due within the 100 ms catch-up window (both ends: 101), then the one that had to wait.
        assertThat(immediate).isEqualTo((int) (RateLimiter.MAX_CATCH_UP_NANOS / 1_000_000) + 2);
    }

    @Test
    void rejectsNonPositiveRates() {
        assertThatThrownBy(() -> new RateLimiter(0, new FakeTicker())).isInstanceOf(IllegalArgumentException.class);
    }
}
