package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.serdes.SerdeException;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * First stop of a raw record: decode it and hand it to its jurisdiction's sanitizer (and, where the policy enables
 * it, to its jurisdiction's fairness monitor, the only other reader of raw protected attributes), or quarantine it
 * as unrouted.
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
    private final Map<String, String> sanitizerByJurisdiction;
    private final Map<String, String> monitorByJurisdiction;
    private final String unroutedSink;
    private ProcessorContext<byte[], RoutedEvent> context;

    RouteProcessor(GatewayEngine engine, EventFamily family, RecordCodec codec,
            Map<String, String> sanitizerByJurisdiction, Map<String, String> monitorByJurisdiction,
            String unroutedSink) {
        this.engine = engine;
        this.family = family;
        this.codec = codec;
        this.sanitizerByJurisdiction = Map.copyOf(sanitizerByJurisdiction);
        this.monitorByJurisdiction = Map.copyOf(monitorByJurisdiction);
        this.unroutedSink = unroutedSink;
    }

    @Override
    public void init(ProcessorContext<byte[], RoutedEvent> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
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
        context.forward(routed, sanitizerByJurisdiction.get(policy.get().id()));
        String monitor = monitorByJurisdiction.get(policy.get().id());
        if (monitor != null) {
            context.forward(routed, monitor);
        }
    }

    private void quarantine(Record<byte[], byte[]> record, String reason, String detail) {
        Record<byte[], RoutedEvent> out = record.withValue(new RoutedEvent(record.value(), null));
        QuarantineHeaders.add(out.headers(), reason, detail, context.recordMetadata().orElse(null));
        context.forward(out, unroutedSink);
    }
}
