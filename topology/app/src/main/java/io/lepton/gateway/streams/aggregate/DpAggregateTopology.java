package io.lepton.gateway.streams.aggregate;

import io.lepton.gateway.engine.aggregate.AggregateQuery;
import io.lepton.gateway.engine.aggregate.NoiseSource;
import io.lepton.schemas.DpAggregate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
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
 * lane's parent nodes, a hop to partition 0 of the lane's contributions topic, one stateful aggregator task with its
 * changelogged store, and the sink of the releases. The names come from the caller ({@link Nodes}): the jurisdiction
 * lane makes them, so residency can be checked against one definition.
 *
 * <p>Why a hop: bounding needs all of a subject's events, key selection all of a group's subjects, and the window
 * clock all events, so the aggregation of one (jurisdiction, family) runs in one task. The hop carries only
 * contributions (a keyed subject token, the group key and clamped values), is written to partition 0 whatever the
 * topic's partition count, and lives in the raw topics' cluster like every internal topic. The scaling limit this
 * implies (one task per jurisdiction and family) is named in the README.
 */
public final class DpAggregateTopology {

    /** Longest interval between looks for closed windows, in stream time. */
    static final Duration MAX_PUNCTUATION = Duration.ofSeconds(30);
    /** Shortest such interval: short windows (the demo's) are looked at four times per window, but not more often. */
    static final Duration MIN_PUNCTUATION = Duration.ofSeconds(1);

    /**
     * The names of one (jurisdiction, family) stage.
     *
     * @param contributions the stateless node turning events into contributions
     * @param hopSink the sink writing {@code hopTopic}
     * @param hopSource the source reading {@code hopTopic}
     * @param aggregator the stateful node bounding, aggregating and releasing
     * @param sink the sink writing {@code outputTopic}
     * @param store the aggregator's changelogged key-value store
     * @param hopTopic the lane's contributions topic
     * @param outputTopic {@code dp-aggregates.<family>} (aggregates-only) or {@code dp-aggregates.<j>.<family>}
     */
    public record Nodes(String contributions, String hopSink, String hopSource, String aggregator, String sink,
            String store, String hopTopic, String outputTopic) {

        /** Every node name, for the lane's residency bookkeeping. */
        public List<String> all() {
            return List.of(contributions, hopSink, hopSource, aggregator, sink);
        }
    }

    /**
     * What the stage needs besides its names.
     *
     * @param queries the family's bound aggregates (at least one)
     * @param keys the jurisdiction's keyed noise source (DP v2's noise keys), also used for subject tokens and ranks
     * @param acceptedTime the event time the engine accepts for an event, empty for one it refuses (such an event
     *     contributes nothing)
     * @param releaseSerializer serializer of the {@code DpAggregate} values (schema registered at start-up)
     * @param storeSupplier the store kind by name (persistent RocksDB in production, in-memory in tests)
     * @param punctuateEvery stream-time interval at which closed windows are looked for
     * @param metrics contribution and release counters
     */
    public record Settings(List<AggregateQuery> queries, NoiseSource keys,
            Function<GenericRecord, OptionalLong> acceptedTime, Serializer<? super DpAggregate> releaseSerializer,
            Function<String, KeyValueBytesStoreSupplier> storeSupplier, Duration punctuateEvery,
            AggregateMetrics metrics) {

        public Settings {
            if (queries.isEmpty()) {
                throw new IllegalArgumentException("a DP aggregate stage needs at least one aggregate");
            }
            queries = List.copyOf(queries);
        }

        /** Production: persistent store, punctuation {@link #punctuation(List) derived from the windows}. */
        public static Settings of(List<AggregateQuery> queries, NoiseSource keys,
                Function<GenericRecord, OptionalLong> acceptedTime, Serializer<? super DpAggregate> releaseSerializer,
                AggregateMetrics metrics) {
            return new Settings(queries, keys, acceptedTime, releaseSerializer, Stores::persistentKeyValueStore,
                    punctuation(queries), metrics);
        }
    }

    private DpAggregateTopology() {
    }

    /**
     * A quarter of the shortest window, within [{@link #MIN_PUNCTUATION}, {@link #MAX_PUNCTUATION}]: an hourly
     * window is released within 30 s of stream time after its grace, a 20-second demo window within 5 s.
     */
    static Duration punctuation(List<AggregateQuery> queries) {
        long shortest = queries.stream().mapToLong(AggregateQuery::windowMillis).min().orElseThrow();
        long interval = Math.min(MAX_PUNCTUATION.toMillis(), Math.max(MIN_PUNCTUATION.toMillis(), shortest / 4));
        return Duration.ofMillis(interval);
    }

    /**
     * Adds the nodes under {@code parents}, whose records carry values from which {@code decoded} extracts the raw
     * event (null: skip the record).
     */
    public static <V> void addTo(Topology topology, Nodes nodes, Settings settings,
            Function<V, GenericRecord> decoded, String... parents) {
        String hopKey = nodes.hopTopic();
        topology.addProcessor(nodes.contributions(), () -> new ContributionProcessor<Object, V>(settings.queries(),
                settings.keys(), decoded, settings.acceptedTime(), hopKey), parents);
        topology.addSink(nodes.hopSink(), nodes.hopTopic(), new StringSerializer(), new ByteArraySerializer(),
                (topic, key, value, partitions) -> Optional.of(Set.of(0)), nodes.contributions());
        topology.addSource(nodes.hopSource(), new StringDeserializer(), new ByteArrayDeserializer(),
                nodes.hopTopic());
        topology.addProcessor(nodes.aggregator(), () -> new AggregateProcessor(settings.queries(), settings.keys(),
                nodes.store(), settings.punctuateEvery(), settings.metrics()), nodes.hopSource());
        StoreBuilder<KeyValueStore<Bytes, byte[]>> store = Stores.keyValueStoreBuilder(
                settings.storeSupplier().apply(nodes.store()), Serdes.Bytes(), Serdes.ByteArray())
                // Cached: the window clock and a subject's window entry change with nearly every contribution; the
                // record cache folds them into one store write and one changelog record per key and commit
                // (flushed before the commit, so the exactly-once release-once argument above is unchanged).
                .withCachingEnabled()
                .withLoggingEnabled(Map.of());
        topology.addStateStore(store, nodes.aggregator());
        topology.addSink(nodes.sink(), nodes.outputTopic(), new StringSerializer(), settings.releaseSerializer(),
                nodes.aggregator());
    }
}
