package io.lepton.gateway.streams.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.aggregate.AggregateQuery;
import io.lepton.gateway.engine.aggregate.AggregateRelease;
import io.lepton.gateway.engine.aggregate.InMemoryByteStore;
import io.lepton.gateway.engine.aggregate.NoiseKeySource;
import io.lepton.gateway.engine.aggregate.NoiseSource;
import io.lepton.gateway.engine.aggregate.WindowedAggregator;
import io.lepton.gateway.engine.dp.NoiseKeys;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.schemas.DpAggregate;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aggregates wiring of eu-gdpr customer-service on TopologyTestDriver with Kafka's in-memory stores. */
class DpAggregateTopologyTest {

    private static final EventFamilies FAMILIES = EventFamilies.discover();
    private static final EventFamily FAMILY = FAMILIES.byName("customer-service").orElseThrow();
    private static final JurisdictionPolicy EU = PolicySet.builtIn(PiiCatalog.knownClasses(FAMILIES))
            .byId("eu-gdpr").orElseThrow();
    private static final String OUTPUT = "dp-aggregates.customer-service";
    private static final long HOUR = Duration.ofHours(1).toMillis();
    /** 2025-12-01T00:00:00Z. */
    private static final long T0 = 1_764_547_200_000L;
    private static final NoiseSource KEYS = new NoiseKeySource(new NoiseKeys(Map.of("eu-gdpr",
            "topology-test-noise-key-32-bytes!".getBytes())));
    private static final List<AggregateQuery> QUERIES = AggregateQuery.bindAll(EU, FAMILY);
    private static final DpAggregateTopology.Nodes NODES = new DpAggregateTopology.Nodes("contributions", "hop-out",
            "hop-in", "aggregator", "releases", "dp-agg-state", "dp-contributions.eu-gdpr.customer-service", OUTPUT);

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void eachWindowIsReleasedOnceAfterItsGraceWithTheEngineValuesAndLateEventsChangeNothing() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        Topology topology = new Topology();
        topology.addSource("raw", new StringDeserializer(), avroDecoder(), FAMILY.rawTopic());
        DpAggregateTopology.addTo(topology, NODES, new DpAggregateTopology.Settings(QUERIES, KEYS,
                event -> OptionalLong.of(FAMILY.occurredAt(event)), new AvroSerializer<DpAggregate>(registry,
                        AvroSerdeConfig.builder().autoRegisterSchemas(true).build()),
                Stores::inMemoryKeyValueStore, Duration.ofSeconds(30), new AggregateMetrics(meters)),
                (GenericRecord event) -> event, "raw");

        List<GenericRecord> input = new ArrayList<>();
        for (int s = 0; s < 150; s++) {
            for (int e = 0; e < 2; e++) {
                input.add(event("cust-" + s, "e-" + s + "-" + e, T0 + s * 1000L + e, "BILLING", 1 + s % 5, s % 3 == 0));
            }
        }
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, properties())) {
            TestInputTopic<String, byte[]> raw = driver.createInputTopic(FAMILY.rawTopic(), new StringSerializer(),
                    (topic, bytes) -> bytes);
            TestOutputTopic<String, GenericRecord> out = driver.createOutputTopic(OUTPUT, new StringDeserializer(),
                    new AvroDeserializer<GenericRecord>(registry, AvroSerdeConfig.defaults()));
            for (GenericRecord event : input) {
                pipe(raw, event);
            }
            pipe(raw, event("cust-x", "tick-1", T0 + HOUR + Duration.ofMinutes(4).toMillis(), "BILLING", 3, false));
            assertThat(out.isEmpty()).as("grace not over").isTrue();

            // The record that closes the window moves stream time; the release comes with the next stream-time
            // punctuation (every 30 s of stream time), which the next record triggers.
            pipe(raw, event("cust-x", "tick-2", T0 + HOUR + Duration.ofMinutes(6).toMillis(), "BILLING", 3, false));
            pipe(raw, event("cust-x", "tick-3", T0 + HOUR + Duration.ofMinutes(7).toMillis(), "BILLING", 3, false));
            List<GenericRecord> released = out.readValuesToList();
            assertThat(released).extracting(r -> r.get("metric").toString()).containsExactlyInAnyOrder(
                    "messages", "customers", "escalation-rate", "mean-satisfaction");
            assertThat(released).extracting(r -> r.get("windowStart")).containsOnly(T0);
            assertThat(released).extracting(r -> r.get("jurisdiction").toString()).containsOnly("eu-gdpr");

            // The app adds no decision: the engine alone, on the same input and key, releases the same values.
            List<Double> engineValues = engineReleases(input).stream().map(AggregateRelease::value).toList();
            assertThat(released).extracting(r -> (Double) r.get("value"))
                    .containsExactlyInAnyOrderElementsOf(engineValues);

            pipe(raw, event("cust-late", "late", T0 + 5, "BILLING", 5, true));
            pipe(raw, event("cust-y", "tick-4", T0 + 4 * HOUR, "BILLING", 3, false));
            pipe(raw, event("cust-y", "tick-5", T0 + 4 * HOUR + 60_000, "BILLING", 3, false));
            assertThat(out.readValuesToList()).as("window 0 is never released again; window 1 is too small")
                    .isEmpty();
            assertThat(meters.get(AggregateMetrics.CONTRIBUTIONS).tag("outcome", "late").counter().count())
                    .as("the late event is counted and dropped").isEqualTo(1.0);
            assertThat(meters.get(AggregateMetrics.WINDOWS).counter().count()).isEqualTo(2.0);
        }
    }

    private static List<AggregateRelease> engineReleases(List<GenericRecord> input) {
        List<AggregateQuery> queries = AggregateQuery.bindAll(EU, FAMILY);
        WindowedAggregator aggregator = new WindowedAggregator(queries, new InMemoryByteStore(), KEYS);
        for (GenericRecord event : input) {
            aggregator.accept(queries.get(0).contribution(event, (Long) event.get("occurredAt"), KEYS).orElseThrow());
        }
        return aggregator.advanceTo(T0 + 2 * HOUR).releases();
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dp-aggregate-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return props;
    }

    private static void pipe(TestInputTopic<String, byte[]> topic, GenericRecord event) {
        long time = (Long) event.get("occurredAt");
        topic.pipeInput(event.get("customerId").toString(), avroBytes(event), Instant.ofEpochMilli(time));
    }

    static byte[] avroBytes(GenericRecord event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(FAMILY.rawSchema()).write(event, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Deserializer<GenericRecord> avroDecoder() {
        return (topic, bytes) -> {
            try {
                return new GenericDatumReader<GenericRecord>(FAMILY.rawSchema()).read(null,
                        DecoderFactory.get().binaryDecoder(bytes, null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    static GenericRecord event(String customer, String eventId, long time, String intent, int satisfaction,
            boolean escalated) {
        var schema = FAMILY.rawSchema();
        return new GenericRecordBuilder(schema)
                .set("eventId", eventId).set("occurredAt", time).set("region", "DE").set("customerId", customer)
                .set("conversationId", "conv-" + customer)
                .set("channel", new GenericData.EnumSymbol(schema.getField("channel").schema(), "CHAT"))
                .set("message", "hello").set("intent", intent).set("satisfaction", satisfaction)
                .set("escalated", escalated).set("resolved", true).set("agentId", "agent-1").build();
    }
}
