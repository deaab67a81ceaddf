package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.serdes.SerdeException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Decodes a raw record and hands it to the nodes for its jurisdiction, or quarantines it as unrouted. It runs twice
 * per family: first on the raw topic (next node: re-keying by subject), then after the subject repartition topic
 * (next nodes: the jurisdiction's sanitizer and, where the policy enables it, its fairness monitor, the only other
 * reader of raw protected attributes), where a record can only fail if the registry lost its schema meanwhile.
 *
 * <p>Decoding happens here rather than in a source deserializer so that a record that cannot be decoded is not lost
 * or fatal: it is written, byte for byte, to {@code quarantine.unrouted} with a reason header, inside the same
 * exactly-once transaction as everything else. Only permanent failures are quarantined; a registry outage is
 * rethrown, so the task restarts and retries instead of quarantining good data.
 */
final class RouteProcessor implements Processor<byte[], byte[], byte[], RoutedEvent> {

    private final GatewayEngine engine;
    private final EventFamily family;
    private final RecordCodec codec;
    private final Function<String, List<String>> childrenByJurisdiction;
    private final String unroutedSink;
    private final RecordMetrics metrics;
    private ProcessorContext<byte[], RoutedEvent> context;

    /**
     * @param childrenByJurisdiction names of the child nodes that take events of a jurisdiction id
     * @param unroutedSink name of the child sink writing {@code quarantine.unrouted}
     * @param metrics counts quarantined records
     */
    RouteProcessor(GatewayEngine engine, EventFamily family, RecordCodec codec,
            Function<String, List<String>> childrenByJurisdiction, String unroutedSink, RecordMetrics metrics) {
        this.engine = engine;
        this.family = family;
        this.codec = codec;
        this.childrenByJurisdiction = childrenByJurisdiction;
        this.unroutedSink = unroutedSink;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<byte[], RoutedEvent> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (context.recordMetadata().map(m -> m.topic().equals(family.rawTopic())).orElse(false)) {
            QuarantineHeaders.clearSource(record.headers());
        }
        if (record.value() == null) {
            quarantine(record, "null-value", "tombstone on a raw topic: no event to process");
            return;
        }
        GenericRecord event;
        try {
            event = codec.decode(family, family.rawTopic(), record.value());
        } catch (SerdeException e) {
            if (!e.isPermanent()) {
                throw e;
            }
            quarantine(record, "undecodable", e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        Optional<JurisdictionPolicy> policy = engine.route(event);
        if (policy.isEmpty()) {
            quarantine(record, "unroutable-region", "region missing or not an ISO 3166 code");
            return;
        }
        Record<byte[], RoutedEvent> routed = record.withValue(new RoutedEvent(record.value(), event));
        QuarantineHeaders.addSource(routed.headers(), context.recordMetadata().orElse(null));
        QuarantineHeaders.keepOriginalKey(routed.headers(), record.key());
        for (String child : childrenByJurisdiction.apply(policy.get().id())) {
            context.forward(routed, child);
        }
    }

    private void quarantine(Record<byte[], byte[]> record, String reason, String detail) {
        Record<byte[], RoutedEvent> out = record.withValue(new RoutedEvent(record.value(), null))
                .withKey(QuarantineHeaders.takeOriginalKey(record.headers(), record.key()));
        QuarantineHeaders.add(out.headers(), reason, detail, context.recordMetadata().orElse(null));
        context.forward(out, unroutedSink);
        metrics.quarantined(family.name(), RecordMetrics.UNROUTED, reason);
    }
}
