package io.lepton.gateway.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.embedded.EmbeddedEnvironment;
import io.lepton.embedded.junit.EmbeddedEnvironmentExtension;
import io.lepton.gateway.RawEvents;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.QuarantineReason;
import io.lepton.gateway.engine.dp.BudgetTime;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.failure.BoundedThreadReplacementHandler;
import io.lepton.gateway.failure.FailureMetrics;
import io.lepton.gateway.failure.QuarantineAwareProcessingExceptionHandler;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.RegistryClientConfig;
import io.lepton.serdes.registry.RestSchemaRegistryClient;
import io.lepton.serdes.registry.SchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile records of {@link HostileInputs} and a few hundred randomly broken ones on a real broker and a real
 * Apicurio, through the production topology under exactly-once with the app's exception handlers: every quarantined
 * case is found in its quarantine topic, by its key, with its reason; every record comes out exactly once; the
 * application is still RUNNING at the end and no record took the failure path.
 */
@ExtendWith(EmbeddedEnvironmentExtension.class)
class HostileInputIT {

    private static final int PARTITIONS = 2;
    private static final int BROKEN = 300;
    private static final Instant AT = RawEvents.AT;

    @TempDir
    Path stateDir;

    @Test
    void hostileRecordsAreQuarantinedWithTheirReasonAndTheAppKeepsRunning(EmbeddedEnvironment env) {
        GatewayEngine engine = GatewayEngine.create(TestGateway.POLICIES, TestGateway.FAMILIES,
                TestGateway.gatewayKeys(), BudgetTime.window(Clock.fixed(AT, ZoneOffset.UTC)),
                new SecureRandomBits());
        env.kafka().createTopics(PARTITIONS, GatewayTopics.all(engine));
        SchemaRegistryClient registry = new RestSchemaRegistryClient(
                RegistryClientConfig.builder(env.registry().confluentApiUrl()).build());
        RecordCodec codec = new RecordCodec(registry, engine.families().all());
        OutputSchemas.registerAll(engine, Lanes.of(engine), codec);
        HostileInputs hostile = new HostileInputs(new AvroSerializer<SpecificRecord>(registry,
                AvroSerdeConfig.defaults()), AT);
        List<HostileInputs.Case> cases = hostile.all();

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // Other ITs share the broker and these topics: read only what is written from here on.
        List<String> eventTopics = GatewayTopics.eventOutputs(engine).stream()
                .filter(t -> !t.startsWith("privacy.audit.")).toList();
        Map<TopicPartition, Long> before = endOffsets(env, eventTopics);
        try (KafkaStreams streams = start(engine, codec, env, meters)) {
            int sent = 0;
            // This app reads the shared raw topics from the start, so it also processes what earlier ITs left there;
            // its outputs keep their input's timestamp, and this test's records are the ones produced from now on.
            long started = System.currentTimeMillis();
            try (KafkaProducer<byte[], byte[]> producer = producer(env)) {
                for (HostileInputs.Case c : cases) {
                    producer.send(new ProducerRecord<>(c.topic(), c.key(), c.value()));
                    sent++;
                }
                SplittableRandom random = new SplittableRandom(1603L);
                for (int n = 0; n < BROKEN; n++) {
                    byte[] value = hostile.customer("broken-" + n, "DE", e -> { });
                    value[random.nextInt(value.length)] = (byte) random.nextInt(256);
                    producer.send(new ProducerRecord<>(HostileInputs.CS, ("broken-" + n).getBytes(
                            StandardCharsets.UTF_8), value));
                    sent++;
                }
            }
            List<ConsumerRecord<byte[], byte[]>> out = consume(env, before, sent, started);
            // At least once each: the suite's Quarkus gateway (GatewayIT and others, same JVM) keeps running on this
            // broker and also processes these raw records, so an exact count here would count its outputs too;
            // exactly-one-outcome accounting is AuditAccountingTopologyTest's and GatewayIT's. What this test owns is
            // below: every hostile case in its quarantine with its reason, and the app still RUNNING.
            assertThat(out).as("every record in comes out").hasSizeGreaterThanOrEqualTo(sent);

            Map<String, ConsumerRecord<byte[], byte[]>> quarantinedByKey = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : out) {
                if (record.topic().startsWith("quarantine.") && record.key() != null) {
                    quarantinedByKey.put(new String(record.key(), StandardCharsets.UTF_8), record);
                    assertThat(header(record, QuarantineHeaders.REASON))
                            .isNotEqualTo(QuarantineReason.PROCESSING_ERROR.headerValue());
                }
            }
            for (HostileInputs.Case c : cases) {
                if (c.reason() == null) {
                    continue;
                }
                ConsumerRecord<byte[], byte[]> record = quarantinedByKey.get(new String(c.key(),
                        StandardCharsets.UTF_8));
                assertThat(record).as(c.name()).isNotNull();
                assertThat(record.topic()).as(c.name()).isEqualTo(c.expectedTopic());
                assertThat(header(record, QuarantineHeaders.REASON)).as(c.name()).isEqualTo(c.reason().headerValue());
                assertThat(header(record, QuarantineHeaders.DETAIL)).as(c.name()).contains(c.detailPart());
            }
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(meters.find("lepton.processing.errors").counter()).isNull();
            assertThat(meters.find("lepton.stream.thread.failures").counter()).isNull();
        }
    }

    private KafkaStreams start(GatewayEngine engine, RecordCodec codec, EmbeddedEnvironment env,
            SimpleMeterRegistry meters) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "hostile-input-it");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafka().bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                QuarantineAwareProcessingExceptionHandler.class.getName());
        props.put(QuarantineAwareProcessingExceptionHandler.METER_REGISTRY_CONFIG, meters);
        KafkaStreams streams = new KafkaStreams(GatewayTopology.build(engine, codec, meters, PARTITIONS), props);
        streams.setUncaughtExceptionHandler(new BoundedThreadReplacementHandler(new FailureMetrics(meters)));
        streams.start();
        return streams;
    }

    private static KafkaProducer<byte[], byte[]> producer(EmbeddedEnvironment env) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 << 20);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static Map<TopicPartition, Long> endOffsets(EmbeddedEnvironment env, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafka().bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> consume(EmbeddedEnvironment env,
            Map<TopicPartition, Long> from, int expected, long producedFrom) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafka().bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> keepIfProducedFrom(r, producedFrom, records));
            }
            consumer.poll(Duration.ofSeconds(2)).forEach(r -> keepIfProducedFrom(r, producedFrom, records));
        }
        return records;
    }

    private static void keepIfProducedFrom(ConsumerRecord<byte[], byte[]> record, long producedFrom,
            List<ConsumerRecord<byte[], byte[]>> records) {
        if (record.timestamp() >= producedFrom) {
            records.add(record);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
