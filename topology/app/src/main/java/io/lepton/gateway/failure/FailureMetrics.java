package io.lepton.gateway.failure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of failures, for the alert rules: {@code lepton_processing_errors_total} (a record whose processing
 * threw, by node, exception class and what was done with it) and {@code lepton_stream_thread_failures_total} (a
 * stream thread that died, by cause and response). Labels are node names, class names and codes: never a value.
 */
public final class FailureMetrics {

    static final String PROCESSING_ERRORS = "lepton.processing.errors";
    static final String THREAD_FAILURES = "lepton.stream.thread.failures";

    /** What happened to a record whose processing threw. */
    public enum RecordAction {
        /** Sent raw to the node's quarantine sink. */
        QUARANTINED,
        /** Skipped by the processing exception handler (no quarantine sink in reach). */
        SKIPPED,
        /** Rethrown so the stream thread fails and the record is retried after the thread is replaced. */
        RETRIED
    }

    private final MeterRegistry registry;

    public FailureMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void processingError(String node, Throwable error, RecordAction action) {
        Counter.builder(PROCESSING_ERRORS)
                .description("Records whose processing threw, by node, exception class and action")
                .tag("node", node)
                .tag("exception", error.getClass().getName())
                .tag("action", action.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment();
    }

    void threadFailure(FailureCause cause, String response) {
        Counter.builder(THREAD_FAILURES)
                .description("Stream threads that died, by cause and the response chosen")
                .tag("cause", cause.name().toLowerCase(java.util.Locale.ROOT))
                .tag("response", response.toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment();
    }
}
