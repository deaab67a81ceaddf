package io.lepton.gateway.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lepton.embedded.EmbeddedEnvironment;
import io.lepton.embedded.junit.EmbeddedEnvironmentExtension;
import io.lepton.gateway.RawEvents;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.crypto.GatewayKeys;
import io.lepton.gateway.engine.dp.LedgerPartitioning;
import io.lepton.gateway.engine.provenance.ProvenanceHeaders;
import io.lepton.gateway.TestTopics;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.RegistryClientConfig;
import io.lepton.serdes.registry.RestSchemaRegistryClient;
import io.lepton.serdes.registry.SchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger survives a restart on a real broker: a subject spends its whole eu-gdpr budget (8 events of ε 0.5
 * against ε 4), the Kafka Streams app is stopped and a new instance with the same application id starts on an empty
 * state directory, so it can only know the spend by restoring the ledger's changelog; the subject's next event is
 * withheld. Half the events are keyed by the subject and land in its owner partition, where they are budgeted
 * without a hop; the other half are written with other keys to another partition, and the subject repartition hop is
 * what brings them to the same ledger (were they budgeted where they were read, the subject would have spent only
 * half its budget in either ledger, and the ninth event would be released). The second instance also runs with
 * eu-gdpr's pseudonym key rotated (a new key id): the ledger is keyed by the jurisdiction's long-lived ledger key,
 * so the spend stays with the subject although every pseudonym changes.
 */
@ExtendWith(EmbeddedEnvironmentExtension.class)
class LedgerRestartIT {

    private static final String APPLICATION_ID = "ledger-restart-it";
    private static final int PARTITIONS = 3;

    @TempDir
    Path stateDirs;

    @Test
    void aRestartedAppOnAFreshStateDirectoryWithARotatedPseudonymKeyStillKnowsTheSubjectHasSpentItsBudget(
            EmbeddedEnvironment env) throws IOException {
        GatewayKeys keys = TestGateway.gatewayKeys();
        GatewayEngine engine = TestGateway.engine(TestGateway.POLICIES, keys);
        GatewayEngine rotated = TestGateway.engine(TestGateway.withPseudonymKeyId("eu-gdpr", "eu-gdpr-rotated"),
                TestGateway.withPseudonymKey(keys, "eu-gdpr-rotated"));
        env.kafka().createTopics(PARTITIONS, GatewayTopics.all(engine));
        SchemaRegistryClient registry = new RestSchemaRegistryClient(
                RegistryClientConfig.builder(env.registry().confluentApiUrl()).build());
        RecordCodec codec = new RecordCodec(registry, engine.families().all());
        OutputSchemas.registerAll(engine, Lanes.of(engine), codec);
        String subject = "restart-subject-" + System.nanoTime();

        try (KafkaStreams first = start(engine, codec, env, Files.createDirectory(stateDirs.resolve("first")))) {
            int home = SubjectPartitioner.partition(subject, PARTITIONS);
            for (int i = 0; i < 8; i++) {
                boolean owned = i % 2 == 0;
                produce(env, registry, event("restart-" + i, subject, i), owned ? subject : "producer-key-" + i,
                        owned ? null : (home + 1 + i % 3 / 2) % PARTITIONS);
            }
            Map<String, String> bands = awaitBudgetBands(env, registry, 8);
            assertThat(bands.values()).doesNotContain("exhausted");
            // Leave the group, so the next instance is assigned at once instead of after the session timeout.
            first.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
        }

        Path fresh = Files.createDirectory(stateDirs.resolve("second"));
        CustomerServiceEvent probe = event("probe", subject, 0);
        var family = engine.families().byName("customer-service").orElseThrow();
        assertThat(rotated.subjectKey(rotated.policies().byId("eu-gdpr").orElseThrow(), family, probe))
                .as("pseudonyms rotate")
                .isNotEqualTo(engine.subjectKey(engine.policies().byId("eu-gdpr").orElseThrow(), family, probe));
        RecordCodec rotatedCodec = new RecordCodec(registry, rotated.families().all());
        OutputSchemas.registerAll(rotated, Lanes.of(rotated), rotatedCodec);
        try (KafkaStreams second = start(rotated, rotatedCodec, env, fresh)) {
            produce(env, registry, event("restart-8", subject, 8), subject, null);
            Map<String, String> bands = awaitBudgetBands(env, registry, 9);
            assertThat(bands.get("restart-8")).as("restored from the changelog: dp fields withheld")
                    .isEqualTo("exhausted");
            second.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
        }

        // What start-up reads before Streams runs: the ledger changelogs Streams created, and their size.
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                env.kafka().bootstrapServers()))) {
            OptionalInt existing = GatewayTopics.ledgerPartitions(admin, APPLICATION_ID, engine);
            assertThat(existing).hasValue(PARTITIONS);
            assertThatThrownBy(() -> LedgerPartitioning.check(existing, PARTITIONS + 1))
                    .hasMessageContaining("LEPTON_TOPIC_PARTITIONS back to " + PARTITIONS);
            assertThat(GatewayTopics.ledgerPartitions(admin, "never-started", engine)).isEmpty();
        }
    }

    private static KafkaStreams start(GatewayEngine engine, RecordCodec codec, EmbeddedEnvironment env,
            Path stateDir) {
        Properties props = TestGateway.brokerProperties(APPLICATION_ID, env.kafka().bootstrapServers(),
                stateDir);
        KafkaStreams streams = new KafkaStreams(
                GatewayTopology.build(engine, codec, new SimpleMeterRegistry(), PARTITIONS), props);
        streams.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            assertThat(streams.state()).isNotEqualTo(KafkaStreams.State.ERROR);
            assertThat(System.nanoTime()).as("started within 60 s").isLessThan(deadline);
            sleep(50);
        }
        return streams;
    }

    private static CustomerServiceEvent event(String eventId, String subject, int second) {
        CustomerServiceEvent event = RawEvents.customerService(eventId, "DE");
        event.setCustomerId(subject);
        event.setOccurredAt(RawEvents.AT.plusSeconds(second));
        return event;
    }

    /** @param partition where to write; null for the default partitioner */
    private static void produce(EmbeddedEnvironment env, SchemaRegistryClient registry, SpecificRecord event,
            String key, Integer partition) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        String topic = RawEvents.topicOf(event);
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, partition, key.getBytes(StandardCharsets.UTF_8),
                    serializer.serialize(topic, event)));
        }
    }

    /**
     * The budget band header of this test's sanitized records (event ids starting with "restart-"), by event id, once
     * there are {@code n}.
     */
    private static Map<String, String> awaitBudgetBands(EmbeddedEnvironment env, SchemaRegistryClient registry,
            int n) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "ledger-restart-reader-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(registry, AvroSerdeConfig.defaults());
        Map<String, String> byEventId = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(TestTopics.sanitized("eu-gdpr", "customer-service")));
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (byEventId.size() < n && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    GenericRecord sanitized = deserializer.deserialize(r.topic(), r.value());
                    if (sanitized.get("eventId").toString().startsWith("restart-")) {
                        byEventId.put(sanitized.get("eventId").toString(), new String(
                                r.headers().lastHeader(ProvenanceHeaders.BUDGET).value(), StandardCharsets.UTF_8));
                    }
                });
            }
        }
        assertThat(byEventId).as("sanitized records").hasSize(n);
        return byEventId;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
