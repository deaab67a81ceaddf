package io.lepton.gateway.cli.bench;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.LaneTopics;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.streams.GatewayTopics;
import io.lepton.gateway.streams.GatewayTopology;
import io.lepton.gateway.streams.RecordCodec;
import io.lepton.gateway.streams.Lanes;
import io.lepton.gateway.streams.OutputSchemas;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.Topology;

/**
 * The two topologies under test, their output topics and the schemas they write, in one place: the only code in the
 * bench that knows how the gateway topology is built.
 *
 * <p>The baseline reads the same {@code raw.<family>} topics with the same {@link RecordCodec}, and writes each event
 * back, re-encoded with the same serializer, to {@code bench.passthrough.<family>}.
 */
public final class BenchTopologies {

    static final String PASSTHROUGH_PREFIX = "bench.passthrough.";

    private final GatewayEngine engine;
    private final RecordCodec codec;
    private final int partitions;

    /** @param partitions partitions of every topic, the gateway's subject repartition topics included */
    public BenchTopologies(GatewayEngine engine, RecordCodec codec, int partitions) {
        this.engine = engine;
        this.codec = codec;
        this.partitions = partitions;
    }

    /** Every topic either contender reads or writes. */
    public List<String> allTopics() {
        List<String> topics = new ArrayList<>(GatewayTopics.all(engine));
        topics.addAll(passThroughTopics());
        return topics;
    }

    /** Registers every output schema up front, so no contender pays a registry round trip while measured. */
    public void registerSchemas() {
        OutputSchemas.registerAll(engine, Lanes.of(engine), codec);
        for (EventFamily family : engine.families().all()) {
            codec.registerValueSchema(passThroughTopic(family), family.rawSchema());
        }
    }

    public Topology topology(Contender contender) {
        return contender == Contender.GATEWAY
                ? GatewayTopology.build(engine, codec, new SimpleMeterRegistry(), partitions) : baseline();
    }

    /** The topics whose records mark a processed input record of {@code contender} (audit records excluded). */
    public List<String> outputs(Contender contender) {
        return contender == Contender.GATEWAY
                ? GatewayTopics.eventOutputs(engine).stream()
                        .filter(t -> !t.startsWith(LaneTopics.Kind.AUDIT.prefix())).toList()
                : passThroughTopics();
    }

    public List<String> inputs() {
        return GatewayTopics.inputs(engine);
    }

    private Topology baseline() {
        Topology topology = new Topology();
        for (EventFamily family : engine.families().all()) {
            String source = "source-" + family.name();
            String pass = "pass-" + family.name();
            topology.addSource(source, new ByteArrayDeserializer(), new ByteArrayDeserializer(), family.rawTopic());
            topology.addProcessor(pass, () -> new PassThroughProcessor(family, codec), source);
            topology.addSink("sink-" + family.name(), passThroughTopic(family), new ByteArraySerializer(),
                    codec.avroSerializer(), pass);
        }
        return topology;
    }

    private List<String> passThroughTopics() {
        return engine.families().all().stream().map(BenchTopologies::passThroughTopic).toList();
    }

    private static String passThroughTopic(EventFamily family) {
        return PASSTHROUGH_PREFIX + family.name();
    }
}
