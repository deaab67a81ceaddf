package io.lepton.loadtest.generator;

/**
 * Paces a producer to a target rate by spacing permits evenly. After a stall (a GC pause, a slow broker) it catches
 * up by at most {@link #MAX_CATCH_UP_NANOS} worth of permits, so a hiccup never turns into a burst that would distort
 * latency figures.
 */
public final class RateLimiter {

    static final long MAX_CATCH_UP_NANOS = 100_000_000L;

    /** Time source, replaceable in tests. */
    public interface Ticker {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;
    }

    private static final Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };

    private final long intervalNanos;
    private final Ticker ticker;
    private long nextPermit;

    RateLimiter(double permitsPerSecond, Ticker ticker) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, got " + permitsPerSecond);
        }
        this.intervalNanos = Math.max(1, (long) (1e9 / permitsPerSecond));
        this.ticker = ticker;
        this.nextPermit = ticker.nanoTime();
    }

    public static RateLimiter perSecond(double permitsPerSecond) {
        return new RateLimiter(permitsPerSecond, SYSTEM);
    }

    /** Blocks until the next permit is due. */
    public void acquire() throws InterruptedException {
        long now = ticker.nanoTime();
        if (now - nextPermit > MAX_CATCH_UP_NANOS) {
            nextPermit = now - MAX_CATCH_UP_NANOS;
        }
        long wait = nextPermit - now;
        if (wait > 0) {
            ticker.sleepNanos(wait);
        }
        nextPermit += intervalNanos;
    }
}
