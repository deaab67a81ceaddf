package io.lepton.loadtest.generator;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A generator producing at a target rate until stopped, its time is up, or its thread is interrupted; counts what it
 * sent per family and per malformed kind. Runs on the caller's thread ({@link #run()}), typically a dedicated one.
 */
public final class GeneratorRun implements Runnable {

    private final EventGenerator generator;
    private final RecordPublisher publisher;
    private final RateLimiter limiter;
    private final Duration duration;
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    /**
     * @param duration how long to produce, or {@link Duration#ZERO} to run until {@link #stop()}
     */
    public GeneratorRun(EventGenerator generator, RecordPublisher publisher, RateLimiter limiter, Duration duration) {
        this.generator = generator;
        this.publisher = publisher;
        this.limiter = limiter;
        this.duration = duration;
    }

    @Override
    public void run() {
        long deadline = duration.isZero() ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        try {
            while (!stopped && System.nanoTime() < deadline) {
                limiter.acquire();
                SyntheticRecord record = generator.next();
                publisher.send(record);
                count(record.family());
                if (record.malformed() != null) {
                    count("malformed:" + record.malformed().name());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            publisher.flush();
        }
    }

    /** Asks the run to end after the record in flight. */
    public void stop() {
        stopped = true;
    }

    /**
     * Records sent so far: by family name, and by {@code malformed:<KIND>} for the broken ones (also counted in
     * their family).
     */
    public Map<String, Long> sent() {
        Map<String, Long> snapshot = new TreeMap<>();
        sent.forEach((name, adder) -> snapshot.put(name, adder.sum()));
        return snapshot;
    }

    private void count(String name) {
        sent.computeIfAbsent(name, n -> new LongAdder()).increment();
    }
}
