package io.lepton.gateway.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.embedded.EmbeddedEnvironment;
import io.lepton.embedded.junit.EmbeddedEnvironmentExtension;
import io.lepton.gateway.RawEvents;
import io.lepton.gateway.TestTopics;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.schemas.AlertKind;
import io.lepton.schemas.FairnessAlert;
import io.lepton.schemas.FinancialSentimentEvent;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway instances (one application id, exactly-once) share the partitions of a real broker. A biased eu-gdpr
 * stream (approval 20 % for F, 90 % for M) of 160 subjects per gender is spread by its keys over four partitions,
 * about 40 per gender and partition: far below the policy's sample gate of 100, so no single partition or instance
 * could raise an alert. The pooled merge must, and each alert must be written once.
 */
@ExtendWith(EmbeddedEnvironmentExtension.class)
class FairnessPoolingIT {

    private static final String APPLICATION_ID = "fairness-pooling-it";
    private static final int PARTITIONS = 4;
    private static final int PER_GROUP = 160;

    @TempDir
    Path stateDirs;

    @Test
    void twoInstancesSharingPartitionsRaiseThePooledAlertOnce(EmbeddedEnvironment env) throws IOException {
        GatewayEngine engine = TestGateway.engine();
        env.kafka().createTopics(PARTITIONS, GatewayTopics.all(engine));
        SchemaRegistryClient registry = new RestSchemaRegistryClient(
                RegistryClientConfig.builder(env.registry().confluentApiUrl()).build());
        RecordCodec codec = new RecordCodec(registry, engine.families().all());
        OutputSchemas.registerAll(engine, Lanes.of(engine), codec);

        try (KafkaStreams one = start(engine, codec, env, Files.createDirectory(stateDirs.resolve("one")));
             KafkaStreams two = start(engine, codec, env, Files.createDirectory(stateDirs.resolve("two")))) {
            awaitRunning(one, two);
            assertThat(List.of(one, two)).as("both instances own tasks").allSatisfy(streams ->
                    assertThat(streams.metadataForLocalThreads()).flatExtracting(ThreadMetadata::activeTasks)
                            .isNotEmpty());
            Set<Integer> partitions = produceBiasedStream(env, registry);
            assertThat(partitions).as("the stream spans every partition").hasSize(PARTITIONS);

            List<FairnessAlert> alerts = readAlerts(env, registry);
            assertThat(alerts).extracting(FairnessAlert::getAlertId).as("each alert once").doesNotHaveDuplicates();
            List<FairnessAlert> genderBreaches = alerts.stream()
                    .filter(a -> a.getKind() == AlertKind.SEQUENTIAL && a.getAttribute().equals("gender")
                            && a.getMetric().equals("disparate_impact"))
                    .toList();
            assertThat(genderBreaches).singleElement().satisfies(alert -> {
                assertThat(alert.getGroups()).containsExactly("F", "M");
                assertThat(alert.getSampleSizes().get("F")).as("pooled over partitions, rounded")
                        .isGreaterThanOrEqualTo(100);
                assertThat(alert.getEValue()).isGreaterThanOrEqualTo(1 / alert.getAlphaSpent());
            });
            one.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
            two.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
        }
    }

    private static KafkaStreams start(GatewayEngine engine, RecordCodec codec, EmbeddedEnvironment env,
            Path stateDir) {
        Properties props = TestGateway.brokerProperties(APPLICATION_ID, env.kafka().bootstrapServers(),
                stateDir);
        KafkaStreams streams = new KafkaStreams(
                GatewayTopology.build(engine, codec, new SimpleMeterRegistry(), PARTITIONS), props);
        streams.start();
        return streams;
    }

    private static void awaitRunning(KafkaStreams... instances) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        for (KafkaStreams streams : instances) {
            while (streams.state() != KafkaStreams.State.RUNNING
                    || streams.metadataForLocalThreads().stream().allMatch(t -> t.activeTasks().isEmpty())) {
                assertThat(streams.state()).isNotEqualTo(KafkaStreams.State.ERROR);
                assertThat(System.nanoTime()).as("running with tasks within 90 s").isLessThan(deadline);
                sleep(100);
            }
        }
    }

    /** Writes the stream keyed by subject (the default partitioner's owner partition); returns partitions used. */
    private static Set<Integer> produceBiasedStream(EmbeddedEnvironment env, SchemaRegistryClient registry) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        String topic = "raw.financial-sentiment";
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
        Set<Integer> partitions = new HashSet<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < 2 * PER_GROUP; i++) {
                boolean female = i % 2 == 0;
                int nth = i / 2;
                FinancialSentimentEvent event = RawEvents.financial("pool-" + i, "DE");
                event.setAccountId("pool-subject-" + i);
                event.setGender(female ? "F" : "M");
                event.setApproved(nth % 10 < (female ? 2 : 9));
                event.setQualified(null);
                event.setOccurredAt(RawEvents.AT.plusMillis(100L * i));
                partitions.add(SubjectPartitioner.partition(event.getAccountId(), PARTITIONS));
                producer.send(new ProducerRecord<>(topic, null, event.getOccurredAt().toEpochMilli(),
                        event.getAccountId().getBytes(StandardCharsets.UTF_8), serializer.serialize(topic, event)));
            }
        }
        return partitions;
    }

    /** Every committed alert of eu-gdpr, read until none has arrived for 10 s after the first one (60 s at most). */
    private static List<FairnessAlert> readAlerts(EmbeddedEnvironment env, SchemaRegistryClient registry) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "fairness-pooling-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AvroDeserializer<FairnessAlert> deserializer = new AvroDeserializer<>(registry,
                AvroSerdeConfig.builder().specificAvroReader(true).build());
        List<FairnessAlert> alerts = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(TestTopics.alerts("eu-gdpr")));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                var records = consumer.poll(Duration.ofMillis(200));
                records.forEach(r -> alerts.add(deserializer.deserialize(r.topic(), r.value())));
                if (!records.isEmpty()) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                }
            }
        }
        return alerts;
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
