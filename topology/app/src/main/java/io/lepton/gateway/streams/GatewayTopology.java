package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.LaneTopics;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.failure.FailClosedProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Builds the gateway's Kafka Streams topology from the engine; a pure function of its inputs, so the Quarkus app, the
 * command line and tests all run the same graph. The router is built here; everything after routing belongs to the
 * {@link JurisdictionLane} of the event's jurisdiction.
 *
 * <pre>
 * raw.&lt;f&gt; → route.&lt;f&gt; ─┬→ quarantine.unrouted
 *                       ├→ (subject owned here) the jurisdiction's lane inlet, no hop
 *                       └→ (owned elsewhere) key-by-subject.&lt;f&gt; → [internal topic &lt;app&gt;-subject-&lt;f&gt;-repartition]
 *   → dispatch.&lt;f&gt; ─┬→ the jurisdiction's lane inlet (one lane per policy: sanitizer, fairness monitor, ...)
 *                   └→ quarantine.unrouted
 * </pre>
 *
 * <p>The privacy-budget ledger is sound because every event of a subject, whatever its family, is budgeted by one
 * task: the owner of partition {@code murmur2(subject) mod n} ({@link SubjectPartitioner}), which holds that
 * subject's ledger entries. The route node and the subject hop's dispatch node feed the same lanes, so they are one
 * sub-topology and task {@code p} reads partition {@code p} of the raw topics and of the hop. A record read in its
 * subject's owner partition, which is where a producer keying by subject with the default partitioner puts it, is
 * processed at once; any other is re-keyed by the subject's pseudonym and sent through the repartition topic to its
 * owner partition. The hop's record key is the pseudonym, but its value is the raw event and its headers keep the
 * producer's key (for a quarantine after the hop), so the hop carries raw personal data: it lives in the raw topics'
 * cluster, like every internal topic, and Kafka Streams purges it after each commit. All repartition topics get the
 * same partition count, since a jurisdiction's ledger store is shared by the families.
 *
 * <p>{@link LaneResidency} checks every built topology node by node, so a miswiring fails here, at start-up.
 */
public final class GatewayTopology {

    private static final Serde<byte[]> BYTES = Serdes.ByteArray();
    private static final byte[] NO_SUBJECT = new byte[0];

    private GatewayTopology() {}

    /**
     * @param meters registry for the gateway's counters and gauges
     * @param subjectPartitions partitions of every subject repartition topic (equal, so a jurisdiction's ledger is
     *     partitioned the same way for every family)
     * @throws IllegalStateException when the built graph would break residency (a bug, never a configuration)
     */
    public static Topology build(GatewayEngine engine, RecordCodec codec, MeterRegistry meters,
            int subjectPartitions) {
        Lanes lanes = Lanes.of(engine);
        LaneServices services = LaneServices.of(engine, codec, meters);
        StreamsBuilder builder = new StreamsBuilder();
        Map<EventFamily, List<String>> routers = new LinkedHashMap<>();
        for (EventFamily family : engine.families().all()) {
            routers.put(family, addRouter(builder, services, lanes, family, subjectPartitions));
        }
        Topology topology = builder.build();
        for (JurisdictionLane lane : lanes.all()) {
            lane.addTo(topology, services, routers);
        }
        LaneResidency.require(topology.describe(), lanes, routerTopics(engine));
        return topology;
    }

    /** Name of the internal topic holding {@code family}'s raw events keyed by subject pseudonym. */
    public static String subjectTopic(String applicationId, EventFamily family) {
        return applicationId + "-" + subjectTopicPrefix(family) + "-repartition";
    }

    /** The topics nodes outside the lanes may write, as a topology description names them. */
    static Set<String> routerTopics(GatewayEngine engine) {
        Set<String> topics = new HashSet<>();
        topics.add(LaneTopics.UNROUTED_QUARANTINE);
        engine.families().all().forEach(family -> topics.add(subjectTopicPrefix(family) + "-repartition"));
        return topics;
    }

    private static String subjectTopicPrefix(EventFamily family) {
        return "subject-" + family.name();
    }

    /** Adds the route and dispatch nodes of {@code family}; returns their names, the parents of its lane inlets. */
    private static List<String> addRouter(StreamsBuilder builder, LaneServices services, Lanes lanes,
            EventFamily family, int subjectPartitions) {
        String route = "route." + family.name();
        String dispatch = "dispatch." + family.name();
        String keyBySubject = "key-by-subject." + family.name();
        String unrouted = "quarantine-unrouted." + family.name();
        String unroutedAfterHop = "quarantine-unrouted-dispatch." + family.name();
        Map<String, LaneInlet> inlets = lanes.inlets(family);
        SubjectPartitioner owner = new SubjectPartitioner(family);
        RouteProcessor.Hop hop = new RouteProcessor.Hop(keyBySubject, owner, subjectPartitions);
        KStream<byte[], RoutedEvent> routed = builder
                .stream(family.rawTopic(), Consumed.with(BYTES, RoutedEvent.RAW_BYTES).withName("source." + family.name()))
                .process(failClosed(() -> new RouteProcessor(services.engine(), family, services.codec(), inlets, hop,
                        unrouted, services.records()), route, unrouted, services), Named.as(route));
        routed.to(LaneTopics.UNROUTED_QUARANTINE, Produced.with(BYTES, RoutedEvent.RAW_BYTES).withName(unrouted));

        KStream<byte[], RoutedEvent> dispatched = routed
                .map((key, event) -> KeyValue.pair(subjectKey(services.engine(), family, event), event),
                        Named.as(keyBySubject))
                .repartition(Repartitioned.with(BYTES, RoutedEvent.RAW_BYTES).withName(subjectTopicPrefix(family))
                        .withNumberOfPartitions(subjectPartitions).withStreamPartitioner(owner))
                .process(failClosed(() -> new RouteProcessor(services.engine(), family, services.codec(), inlets, null,
                        unroutedAfterHop, services.records()), dispatch, unroutedAfterHop, services), Named.as(dispatch));
        dispatched.to(LaneTopics.UNROUTED_QUARANTINE,
                Produced.with(BYTES, RoutedEvent.RAW_BYTES).withName(unroutedAfterHop));
        return List.of(route, dispatch);
    }

    /**
     * A router node that fails closed: a record whose routing throws something other than a serde failure (which the
     * router itself quarantines as undecodable) goes to the unrouted quarantine with reason {@code processing-error},
     * never skipped by the processing exception handler. {@link FailClosedProcessor} is typed for any outputs, the DSL
     * wants the router's own, hence the casts; the quarantine sink takes the router's input as it is.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ProcessorSupplier<byte[], RoutedEvent, byte[], RoutedEvent> failClosed(
            ProcessorSupplier<byte[], RoutedEvent, byte[], RoutedEvent> router, String node, String quarantine,
            LaneServices services) {
        UnaryOperator<Record<byte[], RoutedEvent>> originalKey = record -> record
                .withKey(QuarantineHeaders.takeOriginalKey(record.headers(), record.key()));
        return (ProcessorSupplier) FailClosedProcessor.wrap((ProcessorSupplier) router, node, quarantine, originalKey,
                services.failures());
    }

    /**
     * The subject pseudonym under the routed jurisdiction as key bytes; an empty key when the subject is missing
     * (Kafka Streams drops null keys on repartitioning; the sanitizer quarantines the event in its jurisdiction after
     * the hop).
     */
    private static byte[] subjectKey(GatewayEngine engine, EventFamily family, RoutedEvent event) {
        String subject = engine.subjectKey(event.policy(), family, event.record());
        return subject == null ? NO_SUBJECT : subject.getBytes(StandardCharsets.UTF_8);
    }
}
