package io.lepton.gateway.streams.aggregate;

import io.lepton.gateway.engine.aggregate.AggregateQuery;
import io.lepton.gateway.engine.aggregate.NoiseSource;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.schemas.DpAggregate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds the DP aggregates of one (jurisdiction, family) to a topology: a stateless contribution stage under the
 * lane's parent nodes, a hop to partition 0 of a contributions topic, one stateful aggregator task with its
 * changelogged store, and the sink of the releases. Node, store and topic names are derived here, once, and
 * returned as {@link Nodes}.
 *
 * <p>Why a hop: bounding needs all of a subject's events, key selection all of a group's subjects, and the window
 * clock all events, so the aggregation of one (jurisdiction, family) runs in one task. The hop carries only
 * contributions (a keyed subject token, the group key and clamped values), is written to partition 0 whatever the
 * topic's partition count, and lives in the raw topics' cluster like every internal topic. The scaling limit this
 * implies (one task per jurisdiction and family) is named in the README.
 */
public final class DpAggregateTopology {

    /** Event time of a family's events: the {@code occurredAt} field every raw schema has. */
    public static final ToLongFunction<GenericRecord> OCCURRED_AT = event -> (Long) event.get("occurredAt");

    /**
     * What the wiring needs besides the topology.
     *
     * @param policy the lane's policy (its aggregates for {@code family} are wired; none: nothing is added)
     * @param family the event family the parents emit
     * @param keys the jurisdiction's keyed noise source (DP v2's noise key), also used for subject tokens and ranks
     * @param outputTopic {@code dp-aggregates.<family>} (aggregates-only) or {@code dp-aggregates.<j>.<family>}
     * @param releaseSerializer serializer of the {@code DpAggregate} values (registers {@code <topic>-value})
     * @param storeSupplier the store kind by name (persistent RocksDB in production, in-memory in tests)
     * @param punctuateEvery stream-time interval at which closed windows are looked for
     */
    public record Settings(JurisdictionPolicy policy, EventFamily family, NoiseSource keys, String outputTopic,
            Serializer<DpAggregate> releaseSerializer, Function<String, KeyValueBytesStoreSupplier> storeSupplier,
            Duration punctuateEvery) {

        /** Production defaults: persistent store, punctuation every 30 s of stream time. */
        public static Settings of(JurisdictionPolicy policy, EventFamily family, NoiseSource keys, String outputTopic,
                Serializer<DpAggregate> releaseSerializer) {
            return new Settings(policy, family, keys, outputTopic, releaseSerializer,
                    Stores::persistentKeyValueStore, Duration.ofSeconds(30));
        }
    }

    /** The names this wiring created. */
    public record Nodes(String contributions, String hopSink, String hopSource, String aggregator, String sink,
            String store, String hopTopic, String outputTopic) {
    }

    private DpAggregateTopology() {
    }

    /** The contributions topic of (jurisdiction, family); not a {@code dp-aggregates.*} name, so never mirrored. */
    public static String hopTopic(String jurisdiction, String family) {
        return "dp-contributions." + jurisdiction + "." + family;
    }

    /**
     * Adds the nodes under {@code parents}, whose records carry values from which {@code decoded} extracts the raw
     * event (null: skip the record). Returns empty when the policy declares no aggregate for the family.
     */
    public static <V> Optional<Nodes> addTo(Topology topology, Settings settings, Function<V, GenericRecord> decoded,
            String... parents) {
        List<AggregateQuery> queries = AggregateQuery.bindAll(settings.policy(), settings.family());
        if (queries.isEmpty()) {
            return Optional.empty();
        }
        String id = settings.policy().id() + "-" + settings.family().name();
        Nodes nodes = new Nodes("dp-agg-contributions-" + id, "dp-agg-hop-out-" + id, "dp-agg-hop-in-" + id,
                "dp-agg-" + id, "dp-agg-sink-" + id, "dp-agg-state-" + id,
                hopTopic(settings.policy().id(), settings.family().name()), settings.outputTopic());
        topology.addProcessor(nodes.contributions(), () -> new ContributionProcessor<Object, V>(queries,
                settings.keys(), decoded, OCCURRED_AT, id), parents);
        topology.addSink(nodes.hopSink(), nodes.hopTopic(), new StringSerializer(), new ByteArraySerializer(),
                (topic, key, value, partitions) -> Optional.of(java.util.Set.of(0)), nodes.contributions());
        topology.addSource(nodes.hopSource(), new StringDeserializer(), new ByteArrayDeserializer(),
                nodes.hopTopic());
        topology.addProcessor(nodes.aggregator(), () -> new AggregateProcessor(queries, settings.keys(),
                nodes.store(), settings.punctuateEvery()), nodes.hopSource());
        StoreBuilder<KeyValueStore<Bytes, byte[]>> store = Stores.keyValueStoreBuilder(
                settings.storeSupplier().apply(nodes.store()), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingEnabled(Map.of());
        topology.addStateStore(store, nodes.aggregator());
        topology.addSink(nodes.sink(), nodes.outputTopic(), new StringSerializer(), settings.releaseSerializer(),
                nodes.aggregator());
        return Optional.of(nodes);
    }
}
