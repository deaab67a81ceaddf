package io.lepton.gateway.app;

import static io.lepton.gateway.RawEvents.customerService;
import static io.lepton.gateway.RawEvents.financial;
import static io.lepton.gateway.RawEvents.recommendation;
import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.RawEvents;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.TestTopics;
import io.lepton.gateway.engine.LaneTopics;
import io.lepton.gateway.engine.provenance.ProvenanceHeaders;
import io.lepton.gateway.streams.GatewayTopics;
import io.lepton.gateway.streams.QuarantineHeaders;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.SchemaRegistryClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The whole gateway on a real KRaft broker and a real Apicurio registry: events of all three families produced with
 * the project's serde come out of the right sanitized topics with no tagged value, an unknown region and a garbage
 * payload land in quarantine with a reason, every record in is accounted for out, and every event a jurisdiction
 * processed is accounted for by exactly one of {sanitized record with provenance headers, audit record}, with the
 * audit roll-ups counting all of them.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedEnvironmentResource.class, restrictToAnnotatedClass = true)
class GatewayIT {

    /**
     * The production app budgets by event time only within its policy window around the wall clock, so events are
     * re-dated to the time the test runs (a fixed historic date would be quarantined as out of range).
     */
    private static final Instant SENT_AT = Instant.now();

    @Inject
    GatewayEngine engine;

    @Inject
    SchemaRegistryClient registry;

    @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers")
    String bootstrap;

    @TestHTTPResource("/q/metrics")
    URI metrics;

    @TestHTTPResource("/q/health/ready")
    URI readiness;

    @TestHTTPResource("/policies")
    URI policies;

    @Test
    void eventsFlowFromRawToSanitizedAndQuarantineWithNothingLost() {
        String[] regions = {"DE", "US-CA", "CN", "BR", "IN", "SG", "JP", "FR"};
        int sent = 0;
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
            for (int i = 0; i < 40; i++) {
                String region = regions[i % regions.length];
                send(producer, serializer, customerService("cs-" + i, region));
                send(producer, serializer, recommendation("rec-" + i, region));
                send(producer, serializer, financial("fin-" + i, region));
                sent += 3;
            }
            send(producer, serializer, customerService("cs-unrouted", "Atlantis"));
            CustomerServiceEvent noSubject = customerService("cs-no-subject", "DE");
            noSubject.setCustomerId(" ");
            send(producer, serializer, noSubject); // quarantined in eu-gdpr: raw to quarantine, plus an audit record
            producer.send(new ProducerRecord<>("raw.recommendation", "k".getBytes(StandardCharsets.UTF_8),
                    "garbage, not avro".getBytes(StandardCharsets.UTF_8)));
            sent += 3;
            producer.flush();
        }

        int routed = sent - 2; // all but the unknown region and the garbage
        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(registry, AvroSerdeConfig.defaults());
        List<ConsumerRecord<byte[], byte[]>> all = consumeUntil(GatewayTopics.eventOutputs(engine),
                records -> rolledUp(records, deserializer) >= routed, Duration.ofSeconds(90));
        List<ConsumerRecord<byte[], byte[]>> out = all.stream()
                .filter(r -> !r.topic().startsWith(LaneTopics.Kind.AUDIT.prefix())).toList();
        assertThat(out).as("in = out + quarantined").hasSize(sent);
        assertThat(rolledUp(all, deserializer)).as("the roll-ups count every routed event once").isEqualTo(routed);

        Map<String, Integer> perTopic = new HashMap<>();
        Map<String, Integer> accounted = new HashMap<>();
        List<ConsumerRecord<byte[], byte[]>> unrouted = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : all) {
            perTopic.merge(record.topic(), 1, Integer::sum);
            if (record.topic().startsWith("sanitized.")) {
                GenericRecord value = deserializer.deserialize(record.topic(), record.value());
                String text = value.toString() + new String(record.key(), StandardCharsets.UTF_8);
                assertThat(text).as(record.topic()).doesNotContain(RawEvents.TAGGED_VALUES);
                assertThat(record.topic()).endsWith(value.getSchema().getProp("family"));
                for (String header : ProvenanceHeaders.NAMES) {
                    assertThat(record.headers().lastHeader(header)).as(record.topic() + " " + header).isNotNull();
                    assertThat(new String(record.headers().lastHeader(header).value(), StandardCharsets.UTF_8))
                            .doesNotContain(RawEvents.TAGGED_VALUES);
                }
                accounted.merge(value.get("eventId").toString(), 1, Integer::sum);
            } else if (record.topic().startsWith(LaneTopics.Kind.AUDIT.prefix())) {
                GenericRecord value = deserializer.deserialize(record.topic(), record.value());
                if (value.getSchema().getName().equals("AuditRecord")) {
                    accounted.merge(value.get("eventId").toString(), 1, Integer::sum);
                }
            } else if (record.topic().equals(TestTopics.UNROUTED)) {
                unrouted.add(record);
            }
        }
        assertThat(accounted).as("every routed event: exactly one of {sanitized record, audit record}")
                .hasSize(routed).containsEntry("cs-no-subject", 1).allSatisfy((id, n) -> assertThat(n).isOne());
        assertThat(perTopic).containsEntry(TestTopics.sanitized("eu-gdpr", "customer-service"), 10)
                .containsEntry(TestTopics.sanitized("us-ccpa", "recommendation"), 5)
                .containsEntry(TestTopics.sanitized("cn-pipl", "financial-sentiment"), 5)
                .containsEntry(TestTopics.sanitized("default", "recommendation"), 5)
                .containsEntry(TestTopics.UNROUTED, 2);
        assertThat(unrouted).extracting(r -> new String(r.headers().lastHeader(QuarantineHeaders.REASON).value(),
                StandardCharsets.UTF_8)).containsExactlyInAnyOrder("unroutable-region", "undecodable");
        assertThat(registry.subjects()).contains("sanitized.eu-gdpr.customer-service-value");

        String scraped = get(metrics);
        assertThat(scraped).as("Prometheus metrics for operators")
                .containsPattern("lepton_records_total\\{.*outcome=\"released\".*\\} [1-9]")
                .containsPattern("lepton_quarantined_total\\{.*reason=\"undecodable\".*\\} 1\\.0")
                .containsPattern("lepton_pii_detections_total\\{.*type=\"EMAIL\".*\\} [1-9]")
                .containsPattern("(?m)^lepton_process_cpu_seconds_total(\\{.*\\})? [1-9]")
                .contains("kafka_stream_")
                .containsPattern("lepton_policy_info\\{.*jurisdiction=\"eu-gdpr\".*version=\""
                        + engine.policies().byId("eu-gdpr").orElseThrow().contentHash() + "\".*\\} 1\\.0");
        assertThat(get(policies)).as("the running policy versions")
                .contains("\"jurisdiction\":\"cn-pipl\"", "\"version\":\""
                        + engine.policies().byId("cn-pipl").orElseThrow().contentHash() + "\"");
        assertThat(get(readiness)).contains("\"status\": \"UP\"");
    }

    private static String get(URI uri) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(uri).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void send(KafkaProducer<byte[], byte[]> producer, AvroSerializer<SpecificRecord> serializer,
            SpecificRecord event) {
        String topic = RawEvents.topicOf(event);
        event.put(event.getSchema().getField("occurredAt").pos(), SENT_AT);
        producer.send(new ProducerRecord<>(topic, "subject".getBytes(StandardCharsets.UTF_8),
                serializer.serialize(topic, event)));
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Events counted by the roll-ups among {@code records}. */
    private static long rolledUp(List<ConsumerRecord<byte[], byte[]>> records,
            AvroDeserializer<GenericRecord> deserializer) {
        long events = 0;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.topic().startsWith(LaneTopics.Kind.AUDIT.prefix())) {
                GenericRecord value = deserializer.deserialize(record.topic(), record.value());
                if (value.getSchema().getName().equals("AuditRollup")) {
                    events += (Long) value.get("events");
                }
            }
        }
        return events;
    }

    private List<ConsumerRecord<byte[], byte[]>> consumeUntil(List<String> topics,
            java.util.function.Predicate<List<ConsumerRecord<byte[], byte[]>>> done, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "gateway-it-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            // Linger briefly: anything beyond the expected records would be a duplicate and must fail the test.
            consumer.poll(Duration.ofSeconds(2)).forEach(records::add);
        }
        return records;
    }
}
