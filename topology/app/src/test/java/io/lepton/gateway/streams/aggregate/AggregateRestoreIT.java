package io.lepton.gateway.streams.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.embedded.EmbeddedKafka;
import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.aggregate.AggregateQuery;
import io.lepton.gateway.engine.aggregate.NoiseKeySource;
import io.lepton.gateway.engine.aggregate.NoiseSource;
import io.lepton.gateway.engine.dp.NoiseKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.schemas.DpAggregate;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aggregates state survives a restore without dropping events: the DP aggregates of a window fed half before and
 * half after a restart equal, value for value, those of an uninterrupted run. The restart is the hard kind: a new
 * instance on an empty state directory, so the aggregator's contributions come back only from the store's changelog
 * (RocksDB, as in production), exactly-once on a real broker. The keyed noise source makes each release a function of
 * the window's contributions alone, so any event lost or counted twice across the restore changes a value.
 *
 * <p>Why not the "expired segment" path of windowed stores: the aggregates keep their windows in a key-value store
 * and close them by stream time in the engine ({@code WindowedAggregator}); no segmented store, whose retention is
 * measured against a stream time re-derived on restore, is involved (see the README's Guarantees).
 */
class AggregateRestoreIT {

    private static final EventFamily FAMILY = EventFamilies.discover().byName("customer-service").orElseThrow();
    private static final JurisdictionPolicy EU = PolicySet.builtIn(PiiCatalog.knownClasses(EventFamilies.discover()))
            .byId("eu-gdpr").orElseThrow();
    private static final String OUTPUT = "dp-aggregates.customer-service";
    private static final NoiseSource KEYS = new NoiseKeySource(new NoiseKeys(Map.of("eu-gdpr",
            "restore-test-noise-key-32-bytes!!".getBytes(StandardCharsets.UTF_8))));
    private static final String HOP = "dp-contributions.eu-gdpr.customer-service";
    private static final DpAggregateTopology.Nodes NODES = new DpAggregateTopology.Nodes("contributions", "hop-out",
            "hop-in", "aggregator", "releases", "dp-agg-state", HOP, OUTPUT);
    /** 2025-12-01T00:00:00Z. */
    private static final long T0 = 1_764_547_200_000L;
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final int PARTITIONS = 2;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path stateDirs;

    @Test
    void aRestartOnAnEmptyStateDirectoryReleasesTheSameAggregatesAsAnUninterruptedRun() throws Exception {
        List<GenericRecord> before = new ArrayList<>();
        List<GenericRecord> after = new ArrayList<>();
        List<GenericRecord> ticks = new ArrayList<>();
        for (int s = 0; s < 150; s++) {
            before.add(DpAggregateTopologyTest.event("cust-" + s, "e-" + s + "-0", T0 + s * 1000L, "BILLING",
                    1 + s % 5, s % 3 == 0));
            after.add(DpAggregateTopologyTest.event("cust-" + s, "e-" + s + "-1", T0 + 200_000L + s * 1000L,
                    "BILLING", 1 + (s + 2) % 5, s % 4 == 0));
        }
        // Stream time past the window's end and grace on every partition, then punctuations that release it. Sent
        // only once everything before is processed: partitions advance stream time independently, so a tick read
        // early on one partition would close the window before the other partition's events arrive.
        for (int p = 0; p < 8; p++) {
            ticks.add(DpAggregateTopologyTest.event("tick-" + p, "tick-" + p, T0 + HOUR + Duration.ofMinutes(6 + p)
                    .toMillis(), "BILLING", 3, false));
        }

        Set<String> uninterrupted = run(before, after, ticks, false);
        Set<String> restarted = run(before, after, ticks, true);

        assertThat(uninterrupted).as("all four aggregates of the window are released").hasSize(4)
                .anyMatch(release -> release.startsWith("customers@"));
        assertThat(restarted).isEqualTo(uninterrupted);
    }

    /** The releases of one run as {@code metric@windowStart=value}. */
    private Set<String> run(List<GenericRecord> before, List<GenericRecord> after, List<GenericRecord> ticks,
            boolean restart)
            throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String hop = HOP;
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                // Event times are a year old: no time-based retention may delete them while the test runs.
                admin.createTopics(List.of(FAMILY.rawTopic(), hop, OUTPUT).stream()
                        .map(t -> new NewTopic(t, PARTITIONS, (short) 1).configs(Map.of(
                                TopicConfig.RETENTION_MS_CONFIG, "-1")))
                        .toList()).all().get();
            }
            InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
            String applicationId = "aggregate-restore-" + restart;
            KafkaStreams streams = start(kafka, registry, applicationId, Files.createDirectory(
                    stateDirs.resolve(applicationId + "-first")));
            try {
                produce(kafka, before);
                if (restart) {
                    awaitConsumed(kafka, applicationId, List.of(FAMILY.rawTopic(), hop));
                    streams.close(Duration.ofSeconds(30));
                    streams = start(kafka, registry, applicationId, Files.createDirectory(
                            stateDirs.resolve(applicationId + "-second")));
                }
                produce(kafka, after);
                awaitConsumed(kafka, applicationId, List.of(FAMILY.rawTopic(), hop));
                produce(kafka, ticks);
                return consume(kafka, registry, 4);
            } finally {
                streams.close(Duration.ofSeconds(30));
            }
        }
    }

    private static KafkaStreams start(EmbeddedKafka kafka, InMemorySchemaRegistryClient registry,
            String applicationId, Path stateDir) {
        Topology topology = new Topology();
        topology.addSource("raw", new StringDeserializer(), DpAggregateTopologyTest.avroDecoder(), FAMILY.rawTopic());
        DpAggregateTopology.addTo(topology, NODES, new DpAggregateTopology.Settings(AggregateQuery.bindAll(EU, FAMILY),
                KEYS, event -> OptionalLong.of(FAMILY.occurredAt(event)), new AvroSerializer<DpAggregate>(registry,
                        AvroSerdeConfig.builder().autoRegisterSchemas(true).build()),
                Stores::persistentKeyValueStore, Duration.ofSeconds(30), new AggregateMetrics(new SimpleMeterRegistry())),
                (GenericRecord event) -> event, "raw");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.start();
        return streams;
    }

    private static void produce(EmbeddedKafka kafka, List<GenericRecord> events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (GenericRecord event : events) {
                producer.send(new ProducerRecord<>(FAMILY.rawTopic(), null, (Long) event.get("occurredAt"),
                        event.get("customerId").toString().getBytes(StandardCharsets.UTF_8),
                        DpAggregateTopologyTest.avroBytes(event)));
            }
        }
    }

    /**
     * Waits until the application has committed everything on {@code topics} (a transaction marker may sit after
     * the last committed position of a topic written transactionally), so the restart falls between the halves and
     * the ticks come after every event.
     */
    private static void awaitConsumed(EmbeddedKafka kafka, String group, List<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                for (String topic : topics) {
                    for (int p = 0; p < PARTITIONS; p++) {
                        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                    }
                }
                var ends = admin.listOffsets(latest).all().get();
                boolean done = ends.entrySet().stream().allMatch(end -> {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    long position = at == null ? 0 : at.offset();
                    boolean transactional = !end.getKey().topic().equals(FAMILY.rawTopic());
                    return position >= end.getValue().offset() - (transactional ? 1 : 0);
                });
                if (done) {
                    Thread.sleep(1_000);
                    return;
                }
                Thread.sleep(200);
            }
            throw new AssertionError("the records sent so far were not consumed within " + WAIT);
        }
    }

    private static Set<String> consume(EmbeddedKafka kafka, InMemorySchemaRegistryClient registry, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(registry, AvroSerdeConfig.defaults());
        List<GenericRecord> releases = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(OUTPUT));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (releases.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    releases.add(deserializer.deserialize(OUTPUT, record.value()));
                }
            }
            consumer.poll(Duration.ofSeconds(3)).forEach(r -> releases.add(deserializer.deserialize(OUTPUT, r.value())));
        }
        assertThat(releases).as("each aggregate released once").hasSize(expected);
        return releases.stream().map(r -> r.get("metric") + "@" + r.get("windowStart") + "=" + r.get("value"))
                .collect(Collectors.toSet());
    }
}
