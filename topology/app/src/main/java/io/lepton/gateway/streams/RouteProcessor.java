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
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Decodes a raw record and hands it to the nodes for its jurisdiction, or quarantines it as unrouted. It runs twice
 * per family: first on the raw topic, then after the subject repartition topic. The nodes for a jurisdiction are its
 * sanitizer and, where the policy enables it, its fairness monitor (the only other reader of raw protected
 * attributes). On the raw topic, a record whose subject this task does not own ({@link SubjectPartitioner}) goes
 * instead to the re-keying node in front of the hop, and after the hop every record is owned; there a record can only
 * fail to decode if the registry lost its schema meanwhile.
 *
 * <p>Decoding happens here rather than in a source deserializer so that a record that cannot be decoded is not lost
 * or fatal: it is written, byte for byte, to {@code quarantine.unrouted} with a reason header, inside the same
 * exactly-once transaction as everything else. Only permanent failures are quarantined; a registry outage is
 * rethrown, so the task restarts and retries instead of quarantining good data.
 */
final class RouteProcessor implements Processor<byte[], RoutedEvent, byte[], RoutedEvent> {

    private final GatewayEngine engine;
    private final EventFamily family;
    private final RecordCodec codec;
    private final Function<String, List<String>> childrenByJurisdiction;
    private final Hop hop;
    private final String unroutedSink;
    private final RecordMetrics metrics;
    private ProcessorContext<byte[], RoutedEvent> context;

    /**
     * The way to a subject's owner task, for records read where their subject is not owned.
     *
     * @param node name of the child node re-keying records for the subject repartition topic
     * @param partitions partitions of the subject repartition topics
     */
    record Hop(String node, SubjectPartitioner owner, int partitions) {}

    /**
     * @param childrenByJurisdiction names of the child nodes that take events of a jurisdiction id
     * @param hop where records of subjects owned by other tasks go; null after the hop, where all are owned
     * @param unroutedSink name of the child sink writing {@code quarantine.unrouted}
     * @param metrics counts quarantined records
     */
    RouteProcessor(GatewayEngine engine, EventFamily family, RecordCodec codec,
            Function<String, List<String>> childrenByJurisdiction, Hop hop, String unroutedSink,
            RecordMetrics metrics) {
        this.engine = engine;
        this.family = family;
        this.codec = codec;
        this.childrenByJurisdiction = childrenByJurisdiction;
        this.hop = hop;
        this.unroutedSink = unroutedSink;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<byte[], RoutedEvent> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], RoutedEvent> record) {
        if (context.recordMetadata().map(m -> m.topic().equals(family.rawTopic())).orElse(false)) {
            QuarantineHeaders.clearSource(record.headers());
        }
        byte[] rawValue = record.value() == null ? null : record.value().rawValue();
        if (rawValue == null) {
            quarantine(record, null, "null-value", "tombstone on a raw topic: no event to process");
            return;
        }
        GenericRecord event;
        try {
            event = codec.decode(family, family.rawTopic(), rawValue);
        } catch (SerdeException e) {
            if (!e.isPermanent()) {
                throw e;
            }
            quarantine(record, rawValue, "undecodable", e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        Optional<JurisdictionPolicy> policy = engine.route(event);
        if (policy.isEmpty()) {
            quarantine(record, rawValue, "unroutable-region", "region missing or not an ISO 3166 code");
            return;
        }
        Record<byte[], RoutedEvent> routed = record.withValue(new RoutedEvent(rawValue, event));
        QuarantineHeaders.addSource(routed.headers(), context.recordMetadata().orElse(null));
        QuarantineHeaders.keepOriginalKey(routed.headers(), record.key());
        if (hop != null && !ownedHere(event)) {
            context.forward(routed, hop.node());
            return;
        }
        for (String child : childrenByJurisdiction.apply(policy.get().id())) {
            context.forward(routed, child);
        }
    }

    private boolean ownedHere(GenericRecord event) {
        int partition = context.recordMetadata().map(RecordMetadata::partition).orElse(-1);
        return hop.owner().owns(event, partition, hop.partitions());
    }

    private void quarantine(Record<byte[], RoutedEvent> record, byte[] rawValue, String reason, String detail) {
        Record<byte[], RoutedEvent> out = record.withValue(new RoutedEvent(rawValue, null))
                .withKey(QuarantineHeaders.takeOriginalKey(record.headers(), record.key()));
        QuarantineHeaders.add(out.headers(), reason, detail, context.recordMetadata().orElse(null));
        context.forward(out, unroutedSink);
        metrics.quarantined(family.name(), RecordMetrics.UNROUTED, reason);
    }
}
