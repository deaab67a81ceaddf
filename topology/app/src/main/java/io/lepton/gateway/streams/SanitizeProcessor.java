package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Outcome;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sanitizes the events of one family routed to one jurisdiction, and writes them only to that jurisdiction's topics.
 *
 * <p>One instance exists per (jurisdiction, family) and its only children are that jurisdiction's sinks: residency is
 * a property of the topology's shape, not of a lookup that could go wrong at run time.
 */
final class SanitizeProcessor implements Processor<byte[], RoutedEvent, Object, Object> {

    private final GatewayEngine engine;
    private final JurisdictionPolicy policy;
    private final EventFamily family;
    private final String sanitizedSink;
    private final String quarantineSink;
    private ProcessorContext<Object, Object> context;

    SanitizeProcessor(GatewayEngine engine, JurisdictionPolicy policy, EventFamily family, String sanitizedSink,
            String quarantineSink) {
        this.engine = engine;
        this.policy = policy;
        this.family = family;
        this.sanitizedSink = sanitizedSink;
        this.quarantineSink = quarantineSink;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], RoutedEvent> record) {
        Outcome outcome = engine.sanitize(policy, family, record.value().record());
        if (outcome instanceof Outcome.Released released) {
            Record<String, GenericRecord> out = new Record<>(released.event().key(), released.event().value(),
                    record.timestamp());
            context.forward(out, sanitizedSink);
        } else if (outcome instanceof Outcome.Quarantined quarantined) {
            Record<byte[], RoutedEvent> out = record.withHeaders(record.headers());
            QuarantineHeaders.add(out.headers(), quarantined.reason(), quarantined.detail(),
                    context.recordMetadata().orElse(null));
            context.forward(out, quarantineSink);
        }
    }
}
