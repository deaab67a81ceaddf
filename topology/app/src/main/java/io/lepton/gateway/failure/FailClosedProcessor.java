package io.lepton.gateway.failure;

import io.lepton.gateway.engine.QuarantineReason;
import io.lepton.gateway.streams.QuarantineHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decorates a processor so that a record whose processing throws is quarantined instead of released or lost.
 *
 * <p>Why hold forwards back: a sanitizer may forward the sanitized event and then throw while writing its audit
 * record; under exactly-once, catching that exception would still commit the sanitized event. So everything the
 * delegate forwards while processing a record is kept until {@code process} returns and only then passed on; if it
 * throws, the kept records are dropped and the input record goes to {@code quarantineChild} with reason
 * {@value #REASON} and the exception's class name as detail (never its message, which may quote a value).
 * Forwards from punctuators pass straight through.
 *
 * <p>What is not caught: Kafka Streams' own exceptions ({@link StreamsException}: task migrated, store failures),
 * which must reach the stream thread, and {@link FailureCause#TRANSIENT} causes (registry or broker unreachable), for
 * which the record is probably fine: they fail the thread, which is replaced and re-reads the record after the last
 * commit. State-store writes the delegate made before it threw are kept; for the budget ledger that errs on the safe
 * side (a charge without a release).
 *
 * <p>The quarantine child must accept the input record's key and value, e.g. a sink writing the raw bytes.
 */
public final class FailClosedProcessor<KIn, VIn> implements Processor<KIn, VIn, Object, Object> {

    /** The {@link QuarantineHeaders#REASON} of a record whose processing threw. */
    public static final String REASON = QuarantineReason.PROCESSING_ERROR.headerValue();

    private static final Logger LOGGER = LoggerFactory.getLogger(FailClosedProcessor.class);

    private final Processor<KIn, VIn, Object, Object> delegate;
    private final String node;
    private final String quarantineChild;
    private final UnaryOperator<Record<KIn, VIn>> beforeQuarantine;
    private final FailureMetrics metrics;
    private final List<Forward> held = new ArrayList<>();
    private ProcessorContext<Object, Object> context;
    private boolean holding;

    FailClosedProcessor(Processor<KIn, VIn, Object, Object> delegate, String node, String quarantineChild,
            UnaryOperator<Record<KIn, VIn>> beforeQuarantine, FailureMetrics metrics) {
        this.delegate = delegate;
        this.node = node;
        this.quarantineChild = quarantineChild;
        this.beforeQuarantine = beforeQuarantine;
        this.metrics = metrics;
    }

    /**
     * Wraps every processor {@code supplier} makes (and keeps its stores).
     *
     * @param node the wrapped node's name, for metrics and logs
     * @param quarantineChild the name of the node's quarantine sink (must be one of its children)
     * @param beforeQuarantine adapts the input record for the quarantine sink, e.g. restores the producer's key
     */
    public static <KIn, VIn> ProcessorSupplier<KIn, VIn, Object, Object> wrap(
            ProcessorSupplier<KIn, VIn, Object, Object> supplier, String node, String quarantineChild,
            UnaryOperator<Record<KIn, VIn>> beforeQuarantine, FailureMetrics metrics) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<KIn, VIn, Object, Object> get() {
                return new FailClosedProcessor<>(supplier.get(), node, quarantineChild, beforeQuarantine, metrics);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return supplier.stores();
            }
        };
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        delegate.init(new HoldingContext<>(context, this));
    }

    @Override
    public void process(Record<KIn, VIn> record) {
        held.clear();
        holding = true;
        try {
            delegate.process(record);
        } catch (StreamsException e) {
            held.clear();
            throw e;
        } catch (RuntimeException e) {
            held.clear();
            if (FailureCause.of(e) == FailureCause.TRANSIENT) {
                throw e; // counted by the processing exception handler, which fails the thread
            }
            quarantine(record, e);
            return;
        } finally {
            holding = false;
        }
        for (Forward forward : held) {
            forward.send(context);
        }
        held.clear();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private void quarantine(Record<KIn, VIn> record, RuntimeException error) {
        metrics.processingError(node, error, FailureMetrics.RecordAction.QUARANTINED);
        RecordMetadata source = context.recordMetadata().orElse(null);
        LOGGER.warn("record quarantined: reason={} node={} exception={} topic={} partition={} offset={}", REASON,
                node, error.getClass().getName(), source == null ? "-" : source.topic(),
                source == null ? -1 : source.partition(), source == null ? -1 : source.offset());
        Record<KIn, VIn> out = beforeQuarantine.apply(record.withHeaders(new RecordHeaders(record.headers().toArray())));
        Headers headers = out.headers();
        put(headers, QuarantineHeaders.REASON, REASON);
        put(headers, QuarantineHeaders.DETAIL, error.getClass().getName());
        if (source != null && headers.lastHeader(QuarantineHeaders.SOURCE_TOPIC) == null) {
            put(headers, QuarantineHeaders.SOURCE_TOPIC, source.topic());
            put(headers, QuarantineHeaders.SOURCE_PARTITION, Integer.toString(source.partition()));
            put(headers, QuarantineHeaders.SOURCE_OFFSET, Long.toString(source.offset()));
        }
        context.forward(out, quarantineChild);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Called by the delegate's context: kept while a record is processed, passed on otherwise. */
    void forward(Record<?, ?> record, String childName) {
        Forward forward = new Forward(record, childName);
        if (holding) {
            held.add(forward);
        } else {
            forward.send(context);
        }
    }

    /** One forward of the delegate; {@code childName} null means to all children. */
    private record Forward(Record<?, ?> record, String childName) {

        @SuppressWarnings("unchecked")
        void send(ProcessorContext<Object, Object> context) {
            Record<Object, Object> out = (Record<Object, Object>) record;
            if (childName == null) {
                context.forward(out);
            } else {
                context.forward(out, childName);
            }
        }
    }
}
