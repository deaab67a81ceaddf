package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Topics;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Builds the gateway's Kafka Streams topology from the engine; a pure function of its inputs, so the Quarkus app, the
 * command line and tests all run the same graph.
 *
 * <pre>
 * raw.&lt;f&gt; → route-&lt;f&gt; ─┬→ quarantine.unrouted
 *                       ├→ (subject owned here) sanitize / fairness nodes below, no hop
 *                       └→ (owned elsewhere) key-by-subject-&lt;f&gt; → [internal topic &lt;app&gt;-subject-&lt;f&gt;-repartition]
 *   → dispatch-&lt;f&gt; ─┬→ sanitize-&lt;j&gt;-&lt;f&gt; (+ store dp-ledger-&lt;j&gt;) ─┬→ sanitized.&lt;j&gt;.&lt;f&gt;
 *                   │   (one per jurisdiction j)                   ├→ privacy.audit.&lt;j&gt;
 *                   │                                              └→ quarantine.&lt;j&gt;
 *                   ├→ fairness-&lt;j&gt;-&lt;f&gt; → fairness.alerts (see {@link FairnessMonitorTopology})
 *                   └→ quarantine.unrouted
 * </pre>
 *
 * <p>The privacy-budget ledger is sound because every event of a subject, whatever its family, is budgeted by one
 * task: the owner of partition {@code murmur2(subject) mod n} ({@link SubjectPartitioner}), which holds that
 * subject's ledger entries. The route node and the subject hop's dispatch node feed the same sanitizers, so they are
 * one sub-topology and task {@code p} reads partition {@code p} of the raw topics and of the hop. A record read in
 * its subject's owner partition, which is where a producer keying by subject with the default partitioner puts it,
 * is processed at once; any other is re-keyed by the subject's pseudonym (never the raw id: internal topics must not
 * carry raw PII in keys) and sent through the repartition topic to its owner partition. All repartition topics get
 * the same partition count, since the ledger store of a jurisdiction is shared by the families. The values on the
 * hop are the raw event bytes (decoded again after it), so that topic lives in the raw topics' cluster; Kafka
 * Streams purges it after each commit. Undecodable and unroutable records are quarantined before the hop.
 *
 * <p>Each sanitize node's only sinks are its own jurisdiction's topics: residency is a property of the graph.
 */
public final class GatewayTopology {

    private static final Serde<byte[]> BYTES = Serdes.ByteArray();
    private static final byte[] NO_SUBJECT = new byte[0];

    /**
     * Streams settings this topology is built for, applied by every runner (the Quarkus app's
     * {@code application.properties} carries the same). {@code max.task.idle.ms=-1}: a task reads the raw topics and
     * the subject hop, which is empty for producers that key by subject, and Kafka Streams' default would hold
     * available records back until it knows the empty partitions are caught up (measured: p99 latency in the hundreds
     * of milliseconds at low load). Nothing here needs records of different partitions in timestamp order: there are
     * no joins, and windows, budget periods and stream time all come from each event's own {@code occurredAt}.
     */
    public static final Map<String, Object> STREAMS_SETTINGS = Map.of(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);

    private GatewayTopology() {}

    /**
     * @param meters registry for the budget counters ({@link BudgetMetrics}) and the fairness gauges
     * @param subjectPartitions partitions of every subject repartition topic (equal, so a jurisdiction's ledger is
     *     partitioned the same way for every family)
     */
    public static Topology build(GatewayEngine engine, RecordCodec codec, MeterRegistry meters,
            int subjectPartitions) {
        FairnessMonitorTopology fairness = new FairnessMonitorTopology(engine, codec, meters);
        RecordMetrics records = new RecordMetrics(meters);
        StreamsBuilder builder = new StreamsBuilder();
        for (EventFamily family : engine.families().all()) {
            bySubject(builder, engine, codec, family, subjectPartitions, fairness.nodes(family), records);
        }
        Topology topology = builder.build();
        BudgetMetrics metrics = new BudgetMetrics(meters);
        for (JurisdictionPolicy policy : engine.policies().all()) {
            List<String> sanitizers = new ArrayList<>();
            for (EventFamily family : engine.families().all()) {
                String sanitize = sanitizeNode(policy.id(), family);
                String sanitizedSink = "sanitized-" + policy.id() + "-" + family.name();
                String auditSink = "audit-" + policy.id() + "-" + family.name();
                String quarantineSink = "quarantine-" + policy.id() + "-" + family.name();
                topology.addProcessor(sanitize, () -> new SanitizeProcessor(engine, policy, family,
                        new SanitizeProcessor.Sinks(sanitizedSink, auditSink, quarantineSink), metrics, records),
                        routeNode(family), dispatchNode(family));
                topology.addSink(sanitizedSink, Topics.sanitized(policy, family), new StringSerializer(),
                        codec.sanitizedSerializer(), sanitize);
                topology.addSink(auditSink, Topics.audit(policy.id()), new StringSerializer(),
                        codec.sanitizedSerializer(), sanitize);
                topology.addSink(quarantineSink, Topics.quarantine(policy.id()), new ByteArraySerializer(),
                        RoutedEvent.RAW_BYTES.serializer(), sanitize);
                sanitizers.add(sanitize);
            }
            topology.addStateStore(LedgerStore.builder(policy.id()), sanitizers.toArray(String[]::new));
        }
        for (EventFamily family : engine.families().all()) {
            fairness.addTo(topology, family, routeNode(family), dispatchNode(family));
        }
        return topology;
    }

    /** Name of the internal topic holding {@code family}'s raw events keyed by subject pseudonym. */
    public static String subjectTopic(String applicationId, EventFamily family) {
        return applicationId + "-" + subjectTopicPrefix(family) + "-repartition";
    }

    private static String subjectTopicPrefix(EventFamily family) {
        return "subject-" + family.name();
    }

    private static void bySubject(StreamsBuilder builder, GatewayEngine engine, RecordCodec codec,
            EventFamily family, int subjectPartitions, Map<String, String> monitors, RecordMetrics records) {
        String keyBySubject = "key-by-subject-" + family.name();
        String unrouted = "quarantine-unrouted-" + family.name();
        Function<String, List<String>> local = jurisdiction ->
                dispatchChildren(sanitizeNode(jurisdiction, family), monitors.get(jurisdiction));
        SubjectPartitioner owner = new SubjectPartitioner(family);
        RouteProcessor.Hop hop = new RouteProcessor.Hop(keyBySubject, owner, subjectPartitions);
        KStream<byte[], RoutedEvent> routed = builder
                .stream(family.rawTopic(), Consumed.with(BYTES, RoutedEvent.RAW_BYTES)
                        .withName("source-" + family.name()))
                .process(() -> new RouteProcessor(engine, family, codec, local, hop, unrouted, records),
                        Named.as(routeNode(family)));
        routed.to(Topics.QUARANTINE_UNROUTED, Produced.with(BYTES, RoutedEvent.RAW_BYTES).withName(unrouted));

        String unroutedAfterHop = "quarantine-unrouted-dispatch-" + family.name();
        KStream<byte[], RoutedEvent> dispatched = routed
                .map((key, event) -> KeyValue.pair(subjectKey(engine, family, event), event), Named.as(keyBySubject))
                .repartition(Repartitioned.with(BYTES, RoutedEvent.RAW_BYTES).withName(subjectTopicPrefix(family))
                        .withNumberOfPartitions(subjectPartitions).withStreamPartitioner(owner))
                .process(() -> new RouteProcessor(engine, family, codec, local, null, unroutedAfterHop, records),
                        Named.as(dispatchNode(family)));
        dispatched.to(Topics.QUARANTINE_UNROUTED,
                Produced.with(BYTES, RoutedEvent.RAW_BYTES).withName(unroutedAfterHop));
    }

    /**
     * The subject pseudonym as key bytes; an empty key when the subject is missing (Kafka Streams drops null keys on
     * repartitioning; the sanitizer quarantines the event in its jurisdiction after the hop).
     */
    private static byte[] subjectKey(GatewayEngine engine, EventFamily family, RoutedEvent event) {
        JurisdictionPolicy policy = engine.route(event.record()).orElseThrow();
        String subject = engine.subjectKey(policy, family, event.record());
        return subject == null ? NO_SUBJECT : subject.getBytes(StandardCharsets.UTF_8);
    }

    /** The sanitizer, and the fairness monitor when the jurisdiction's policy enables one. */
    private static List<String> dispatchChildren(String sanitizer, String monitor) {
        return monitor == null ? List.of(sanitizer) : List.of(sanitizer, monitor);
    }

    private static String routeNode(EventFamily family) {
        return "route-" + family.name();
    }

    private static String dispatchNode(EventFamily family) {
        return "dispatch-" + family.name();
    }

    private static String sanitizeNode(String jurisdiction, EventFamily family) {
        return "sanitize-" + jurisdiction + "-" + family.name();
    }
}
