package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.QuarantineReason;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.serdes.SerdeException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Decodes a raw record and hands it to its jurisdiction's {@link LaneInlet}, or quarantines it as unrouted. It runs
 * twice per family: first on the raw topic, then after the subject repartition topic. On the raw topic, a record
 * whose subject this task does not own ({@link SubjectPartitioner}) goes instead to the re-keying node in front of
 * the hop, with the chosen jurisdiction in a header; after the hop every record is owned and that header replaces a
 * second routing decision. There a record can only fail to decode if the registry lost its schema meanwhile.
 *
 * <p>Decoding happens here rather than in a source deserializer so that a record that cannot be decoded is not lost
 * or fatal: it is written, byte for byte, to {@code quarantine.unrouted} with a reason header, inside the same
 * exactly-once transaction as everything else. Only permanent failures are quarantined; a registry outage is
 * rethrown, so the task restarts and retries instead of quarantining good data.
 */
final class RouteProcessor implements Processor<byte[], RoutedEvent, byte[], RoutedEvent> {

    /** The jurisdiction the route node chose, carried across the subject hop (an internal topic only). */
    static final String ROUTED_JURISDICTION = "lepton.internal.jurisdiction";

    private final GatewayEngine engine;
    private final EventFamily family;
    private final RecordCodec codec;
    private final Map<String, LaneInlet> inlets;
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
     * @param inlets each lane's inlet for this family, by jurisdiction id
     * @param hop where records of subjects owned by other tasks go; null after the hop, where all are owned
     * @param unroutedSink name of the child sink writing {@code quarantine.unrouted}
     */
    RouteProcessor(GatewayEngine engine, EventFamily family, RecordCodec codec, Map<String, LaneInlet> inlets, Hop hop,
            String unroutedSink, RecordMetrics metrics) {
        this.engine = engine;
        this.family = family;
        this.codec = codec;
        this.inlets = Map.copyOf(inlets);
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
        if (hop != null) {
            QuarantineHeaders.clearSource(record.headers());
            record.headers().remove(ROUTED_JURISDICTION);
        }
        byte[] rawValue = record.value() == null ? null : record.value().rawValue();
        if (rawValue == null) {
            quarantine(record, null, QuarantineReason.NULL_VALUE, "tombstone on a raw topic: no event to process");
            return;
        }
        GenericRecord event;
        try {
            event = codec.decode(family, family.rawTopic(), rawValue);
        } catch (SerdeException e) {
            if (!e.isPermanent()) {
                throw e;
            }
            quarantine(record, rawValue, QuarantineReason.UNDECODABLE, QuarantineHeaders.undecodableDetail(e));
            return;
        }
        Optional<JurisdictionPolicy> policy = hop == null ? routedBeforeHop(record.headers(), event) : engine.route(event);
        if (policy.isEmpty()) {
            quarantine(record, rawValue, QuarantineReason.UNROUTABLE_REGION, "region missing or not an ISO 3166 code");
            return;
        }
        Record<byte[], RoutedEvent> routed = record.withValue(new RoutedEvent(rawValue, event, policy.get()));
        QuarantineHeaders.addSource(routed.headers(), context.recordMetadata().orElse(null));
        QuarantineHeaders.keepOriginalKey(routed.headers(), record.key());
        if (hop != null && !ownedHere(routed.value())) {
            routed.headers().add(ROUTED_JURISDICTION, policy.get().id().getBytes(StandardCharsets.UTF_8));
            context.forward(routed, hop.node());
            return;
        }
        inlets.get(policy.get().id()).forward(context, routed);
    }

    /** The jurisdiction the route node chose before the hop; routed afresh only if the header is missing. */
    private Optional<JurisdictionPolicy> routedBeforeHop(Headers headers, GenericRecord event) {
        Header header = headers.lastHeader(ROUTED_JURISDICTION);
        headers.remove(ROUTED_JURISDICTION);
        return header == null ? engine.route(event)
                : engine.policies().byId(new String(header.value(), StandardCharsets.UTF_8));
    }

    private boolean ownedHere(RoutedEvent event) {
        int partition = context.recordMetadata().map(RecordMetadata::partition).orElse(-1);
        return hop.owner().owns(event, partition, hop.partitions());
    }

    private void quarantine(Record<byte[], RoutedEvent> record, byte[] rawValue, QuarantineReason reason,
            String detail) {
        Record<byte[], RoutedEvent> out = record.withValue(RoutedEvent.undecoded(rawValue))
                .withKey(QuarantineHeaders.takeOriginalKey(record.headers(), record.key()));
        out.headers().remove(ROUTED_JURISDICTION);
        QuarantineHeaders.add(out.headers(), reason, detail, context.recordMetadata().orElse(null));
        context.forward(out, unroutedSink);
        metrics.quarantined(family.name(), RecordMetrics.UNROUTED, reason);
    }
}
