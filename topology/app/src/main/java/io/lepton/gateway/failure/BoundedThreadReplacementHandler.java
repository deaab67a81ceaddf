package io.lepton.gateway.failure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Kafka Streams does when a stream thread dies: replace it for a cause a retry may fix, within a budget of
 * {@code maxReplacements} per {@code window}, and otherwise shut this client down.
 *
 * <p>Why a budget: a replaced thread re-reads from the last commit, so a record that kills its thread every time
 * would otherwise loop forever with the instance reporting itself alive. Once the budget is spent the client goes
 * to ERROR, which liveness reports, and the orchestrator restarts the pod with a back-off. A configuration error
 * ({@link FailureCause#CONFIGURATION}) shuts down at once: a new thread would fail the same way. Never
 * {@code SHUTDOWN_APPLICATION}: one instance's problem must not stop the other instances.
 */
public final class BoundedThreadReplacementHandler implements StreamsUncaughtExceptionHandler {

    /** Default budget: enough for a registry or broker restart, few enough to notice a crash loop in minutes. */
    public static final int DEFAULT_MAX_REPLACEMENTS = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    private static final Logger LOGGER = LoggerFactory.getLogger(BoundedThreadReplacementHandler.class);

    private final FailureMetrics metrics;
    private final int maxReplacements;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> replacements = new ArrayDeque<>();

    public BoundedThreadReplacementHandler(FailureMetrics metrics, int maxReplacements, Duration window,
            Clock clock) {
        if (maxReplacements < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("thread replacement budget must be >= 0 per positive window, was "
                    + maxReplacements + " per " + window);
        }
        this.metrics = metrics;
        this.maxReplacements = maxReplacements;
        this.window = window;
        this.clock = clock;
    }

    public BoundedThreadReplacementHandler(FailureMetrics metrics) {
        this(metrics, DEFAULT_MAX_REPLACEMENTS, DEFAULT_WINDOW, Clock.systemUTC());
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        FailureCause cause = FailureCause.of(exception);
        StreamThreadExceptionResponse response = cause == FailureCause.CONFIGURATION
                ? StreamThreadExceptionResponse.SHUTDOWN_CLIENT : withinBudget();
        metrics.threadFailure(cause, response.name());
        LOGGER.error("stream thread failed: cause={} exception={} response={} replacementsInWindow={} budget={}",
                cause, causeChain(exception), response, replacements.size(), maxReplacements);
        return response;
    }

    private StreamThreadExceptionResponse withinBudget() {
        Instant now = clock.instant();
        while (!replacements.isEmpty() && !replacements.peekFirst().isAfter(now.minus(window))) {
            replacements.pollFirst();
        }
        if (replacements.size() >= maxReplacements) {
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        replacements.addLast(now);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** Class names only: messages of wrapped exceptions may quote a record. */
    private static String causeChain(Throwable exception) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = exception; t != null && chain.length() < 500; t = t.getCause()) {
            chain.append(chain.length() == 0 ? "" : " <- ").append(t.getClass().getName());
        }
        return chain.toString();
    }
}
