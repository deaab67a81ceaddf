package io.lepton.gateway.failure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' processing exception handler (KIP-1033, {@code processing.exception.handler}): the last line behind
 * {@link FailClosedProcessor}.
 *
 * <p>Why it does not quarantine itself: in Kafka Streams 4.1 a handler can only answer CONTINUE or FAIL; writing the
 * record to a dead-letter topic from the handler (KIP-1034) arrives in 4.2. So quarantining is the wrapped node's
 * job, where the jurisdiction's quarantine sink is a child, and this handler sees only what no wrapper caught: a
 * {@link FailureCause#TRANSIENT} cause (a wrapper rethrows those) answers FAIL, so the thread is replaced and the
 * record retried after the last commit; anything else from an unwrapped node answers CONTINUE (the record is
 * skipped: nothing is released from the failed path) and is counted, so the alert on
 * {@code lepton_processing_errors_total{action="skipped"}} shows it. Never logs the record's key or value.
 *
 * <p>Metrics go to the {@link MeterRegistry} found under {@value #METER_REGISTRY_CONFIG} in the Streams configs, or
 * Micrometer's global registry (to which Quarkus adds its own).
 */
public final class QuarantineAwareProcessingExceptionHandler implements ProcessingExceptionHandler {

    /** Streams config key under which an application may pass its {@link MeterRegistry} instance. */
    public static final String METER_REGISTRY_CONFIG = "lepton.failure.meter-registry";

    private static final Logger LOGGER = LoggerFactory.getLogger(QuarantineAwareProcessingExceptionHandler.class);

    private FailureMetrics metrics = new FailureMetrics(Metrics.globalRegistry);

    @Override
    public void configure(Map<String, ?> configs) {
        if (configs.get(METER_REGISTRY_CONFIG) instanceof MeterRegistry registry) {
            metrics = new FailureMetrics(registry);
        }
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        boolean transientCause = FailureCause.of(exception) == FailureCause.TRANSIENT;
        metrics.processingError(context.processorNodeId(), exception, transientCause
                ? FailureMetrics.RecordAction.RETRIED : FailureMetrics.RecordAction.SKIPPED);
        LOGGER.warn("processing failed: node={} exception={} response={} topic={} partition={} offset={}",
                context.processorNodeId(), exception.getClass().getName(), transientCause ? "fail" : "continue",
                context.topic(), context.partition(), context.offset());
        return transientCause ? ProcessingHandlerResponse.FAIL : ProcessingHandlerResponse.CONTINUE;
    }
}
