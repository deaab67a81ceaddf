package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Topics;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;

/**
 * Builds the gateway's Kafka Streams topology from the engine; a pure function of its inputs, so the Quarkus app, the
 * command line and tests all run the same graph.
 *
 * <pre>
 * raw.&lt;family&gt; → route-&lt;family&gt; ─┬→ sanitize-&lt;j&gt;-&lt;family&gt; ─┬→ sanitized.&lt;j&gt;.&lt;family&gt;
 *                                  │   (one per jurisdiction j)    └→ quarantine.&lt;j&gt;
 *                                  ├→ fairness-&lt;j&gt;-&lt;family&gt; → fairness.alerts (see FairnessMonitorTopology)
 *                                  └→ quarantine.unrouted
 * </pre>
 *
 * Each family is its own sub-topology (families scale and fail independently); each sanitize node's only sinks are
 * its own jurisdiction's topics.
 */
public final class GatewayTopology {

    private GatewayTopology() {}

    /** As {@link #build(GatewayEngine, RecordCodec, MeterRegistry)}, with metrics kept in a private registry. */
    public static Topology build(GatewayEngine engine, RecordCodec codec) {
        return build(engine, codec, new SimpleMeterRegistry());
    }

    /** The topology; the fairness monitor's gauges and counters are registered in {@code meters}. */
    public static Topology build(GatewayEngine engine, RecordCodec codec, MeterRegistry meters) {
        Topology topology = new Topology();
        FairnessMonitorTopology fairness = new FairnessMonitorTopology(engine, codec, meters);
        Serializer<RoutedEvent> rawBytes = (topic, event) -> event == null ? null : event.rawValue();
        for (EventFamily family : engine.families().all()) {
            String source = "source-" + family.name();
            String route = "route-" + family.name();
            String unrouted = "quarantine-unrouted-" + family.name();
            topology.addSource(source, new ByteArrayDeserializer(), new ByteArrayDeserializer(), family.rawTopic());
            Map<String, String> sanitizers = new LinkedHashMap<>();
            for (JurisdictionPolicy policy : engine.policies().all()) {
                sanitizers.put(policy.id(), "sanitize-" + policy.id() + "-" + family.name());
            }
            Map<String, String> monitors = fairness.nodes(family);
            topology.addProcessor(route,
                    () -> new RouteProcessor(engine, family, codec, sanitizers, monitors, unrouted), source);
            topology.addSink(unrouted, Topics.QUARANTINE_UNROUTED, new ByteArraySerializer(), rawBytes, route);
            for (JurisdictionPolicy policy : engine.policies().all()) {
                String sanitize = sanitizers.get(policy.id());
                String sanitizedSink = "sanitized-" + policy.id() + "-" + family.name();
                String quarantineSink = "quarantine-" + policy.id() + "-" + family.name();
                topology.addProcessor(sanitize,
                        () -> new SanitizeProcessor(engine, policy, family, sanitizedSink, quarantineSink), route);
                topology.addSink(sanitizedSink, Topics.sanitized(policy, family), new StringSerializer(),
                        codec.sanitizedSerializer(), sanitize);
                topology.addSink(quarantineSink, Topics.quarantine(policy.id()), new ByteArraySerializer(), rawBytes,
                        sanitize);
            }
            fairness.addTo(topology, family, route);
        }
        return topology;
    }
}
