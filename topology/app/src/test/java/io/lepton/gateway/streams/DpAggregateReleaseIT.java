package io.lepton.gateway.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.embedded.EmbeddedEnvironment;
import io.lepton.embedded.junit.EmbeddedEnvironmentExtension;
import io.lepton.gateway.RawEvents;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.LaneTopics;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.RegistryClientConfig;
import io.lepton.serdes.registry.RestSchemaRegistryClient;
import io.lepton.serdes.registry.SchemaRegistryClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each DP aggregate window is released exactly once on a real broker, exactly-once processing, across an app
 * restart in the middle of the window and a rebalance between two instances. Instance A aggregates the first half of
 * the window and stops; B starts on an empty state directory (so it knows the first half only from the changelog),
 * C joins while the second half arrives (rebalance), the window closes and is released, then B leaves and C, after
 * another rebalance, closes the next window: the first is never released again.
 *
 * <p>Event times ({@code occurredAt}, which decide windows) are fixed; Kafka record timestamps (which drive Kafka
 * Streams' stream-time punctuation and broker retention) are the producer's clock, as in production.
 */
@ExtendWith(EmbeddedEnvironmentExtension.class)
class DpAggregateReleaseIT {

    private static final String APPLICATION_ID = "dp-aggregate-release-it";
    private static final int PARTITIONS = 3;
    /** Later than every event time of the other tests on this broker, so their events never make ours late. */
    private static final Instant WINDOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final int SUBJECTS = 80;

    @TempDir
    Path stateDirs;

    private final long producerClock = System.currentTimeMillis();

    @Test
    void eachWindowIsReleasedOnceAcrossARestartMidWindowAndARebalance(EmbeddedEnvironment env) throws Exception {
        GatewayEngine engine = TestGateway.engine();
        env.kafka().createTopics(PARTITIONS, GatewayTopics.all(engine));
        String output = LaneTopics.crossBorderAggregates(engine.families().byName("customer-service").orElseThrow());
        keepForever(env, output);
        SchemaRegistryClient registry = new RestSchemaRegistryClient(
                RegistryClientConfig.builder(env.registry().confluentApiUrl()).build());
        RecordCodec codec = new RecordCodec(registry, engine.families().all());
        OutputSchemas.registerAll(engine, Lanes.of(engine), codec);
        AvroSerializer<CustomerServiceEvent> serializer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());

        SimpleMeterRegistry metersA = new SimpleMeterRegistry();
        try (KafkaStreams a = start(env, engine, codec, metersA, "a")) {
            produce(env, serializer, 0, SUBJECTS / 2);
            await("A aggregated the first half", () -> kept(metersA) >= SUBJECTS / 2);
            a.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
        }

        SimpleMeterRegistry metersB = new SimpleMeterRegistry();
        SimpleMeterRegistry metersC = new SimpleMeterRegistry();
        KafkaStreams b = start(env, engine, codec, metersB, "b");
        KafkaStreams c = null;
        try {
            produce(env, serializer, SUBJECTS / 2, SUBJECTS * 3 / 4);
            c = start(env, engine, codec, metersC, "c");
            produce(env, serializer, SUBJECTS * 3 / 4, SUBJECTS);
            await("B and C aggregated the second half", () -> kept(metersB) + kept(metersC) >= SUBJECTS / 2);
            tick(env, serializer, 1, 10);
            List<GenericRecord> released = awaitReleases(env, registry, output, 4);
            assertThat(released).extracting(r -> r.get("metric").toString())
                    .containsExactlyInAnyOrder("messages", "customers", "escalation-rate", "mean-satisfaction");
            assertThat(released).filteredOn(r -> r.get("metric").toString().equals("customers")).singleElement()
                    .satisfies(r -> assertThat((Double) r.get("value"))
                            .as("both halves: the first restored from the changelog").isGreaterThan(SUBJECTS - 25.0));

            double closedByC = windows(metersC);
            b.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
            tick(env, serializer, 2, 20);
            await("C, alone after the rebalance, closed the next window", () -> windows(metersC) > closedByC);
            assertThat(awaitReleases(env, registry, output, 4)).as("released once, not again after the rebalance")
                    .hasSize(4);
        } finally {
            b.close(Duration.ofSeconds(30));
            if (c != null) {
                c.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
            }
        }
    }

    private KafkaStreams start(EmbeddedEnvironment env, GatewayEngine engine, RecordCodec codec, MeterRegistry meters, String name)
            throws Exception {
        Properties props = TestGateway.brokerProperties(APPLICATION_ID, env.kafka().bootstrapServers(),
                Files.createDirectory(stateDirs.resolve(name)));
        KafkaStreams streams = new KafkaStreams(GatewayTopology.build(engine, codec, meters, PARTITIONS), props);
        streams.start();
        await(name + " running", () -> {
            assertThat(streams.state()).isNotEqualTo(KafkaStreams.State.ERROR);
            return streams.state() == KafkaStreams.State.RUNNING;
        });
        return streams;
    }

    /** Subjects {@code from} until {@code to}, one event each in the test's window, group BILLING. */
    private void produce(EmbeddedEnvironment env, AvroSerializer<CustomerServiceEvent> serializer, int from, int to) {
        List<CustomerServiceEvent> events = new ArrayList<>();
        for (int s = from; s < to; s++) {
            events.add(event("aggit-" + s, "aggit-subject-" + s, WINDOW.plusSeconds(60 + 20L * s), s % 5 + 1));
        }
        send(env, serializer, events, from * 1000L, 1000);
    }

    /**
     * Two events of one subject past the end plus grace of the window {@code hour} hours after the test's, sent
     * {@code minutes} later on the producer's clock and a minute apart: they close that window and move stream time
     * on by more than the 30-second punctuation interval.
     */
    private void tick(EmbeddedEnvironment env, AvroSerializer<CustomerServiceEvent> serializer, int hour,
            int minutes) {
        Instant end = WINDOW.plus(Duration.ofHours(hour));
        send(env, serializer, List.of(event("aggit-tick-" + hour + "a", "aggit-ticker", end.plusSeconds(360), 3),
                event("aggit-tick-" + hour + "b", "aggit-ticker", end.plusSeconds(420), 3)),
                Duration.ofMinutes(minutes).toMillis(), 60_000);
    }

    private static CustomerServiceEvent event(String id, String subject, Instant at, int satisfaction) {
        CustomerServiceEvent event = RawEvents.customerService(id, "DE");
        event.setCustomerId(subject);
        event.setOccurredAt(at);
        event.setSatisfaction(satisfaction);
        return event;
    }

    /** Keyed by subject; record timestamps {@code stepMillis} apart from {@code offsetMillis} after the test began. */
    private void send(EmbeddedEnvironment env, AvroSerializer<CustomerServiceEvent> serializer,
            List<CustomerServiceEvent> events, long offsetMillis, long stepMillis) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            long timestamp = producerClock + offsetMillis;
            for (CustomerServiceEvent event : events) {
                String topic = RawEvents.topicOf(event);
                producer.send(new ProducerRecord<>(topic, null, timestamp, event.getCustomerId().toString()
                        .getBytes(StandardCharsets.UTF_8), serializer.serialize(topic, event)));
                timestamp += stepMillis;
            }
        }
    }

    /** The releases of the test's window for eu-gdpr, read committed, once there are at least {@code n}. */
    private static List<GenericRecord> awaitReleases(EmbeddedEnvironment env, SchemaRegistryClient registry,
            String topic, int n) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dp-aggregate-reader-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(registry, AvroSerdeConfig.defaults());
        List<GenericRecord> releases = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    GenericRecord release = deserializer.deserialize(r.topic(), r.value());
                    if (release.get("jurisdiction").toString().equals("eu-gdpr")
                            && (Long) release.get("windowStart") == WINDOW.toEpochMilli()) {
                        releases.add(release);
                    }
                });
                if (releases.size() >= n && quietUntil == Long.MAX_VALUE) {
                    // Keep reading a little: a duplicate release would arrive right behind the first.
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        assertThat(releases).as("releases of window " + WINDOW).hasSizeGreaterThanOrEqualTo(n);
        return releases;
    }

    /** Release records carry the window end as timestamp, days old here: keep them past the broker's retention. */
    private static void keepForever(EmbeddedEnvironment env, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                env.kafka().bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Collection<AlterConfigOp> ops = List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"), AlterConfigOp.OpType.SET));
            admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static double kept(SimpleMeterRegistry meters) {
        Counter counter = meters.find("lepton.dp.aggregate.contributions").tag("jurisdiction", "eu-gdpr")
                .tag("family", "customer-service").tag("outcome", "kept").counter();
        return counter == null ? 0 : counter.count();
    }

    private static double windows(SimpleMeterRegistry meters) {
        Counter counter = meters.find("lepton.dp.aggregate.windows").tag("jurisdiction", "eu-gdpr")
                .tag("family", "customer-service").counter();
        return counter == null ? 0 : counter.count();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 120 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
