package io.lepton.gateway.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.RawEvents;
import io.lepton.gateway.TestTopics;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.crypto.GatewayKeys;
import io.lepton.gateway.engine.dp.BudgetTime;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * The privacy-unit attacks of issue #13 through the built topology (router, subject hop, lane, persistent ledger
 * store under exactly-once), with the production budget clock fixed at {@link #NOW}: however the producer dates,
 * spells, cases or repeats one subject's events, at most budget/ε of them release a dp value per period. eu-gdpr
 * charges ε 0.5 per customer-service event against ε 4 per day: {@value #MAX_RELEASES} releases of
 * {@code satisfaction}. Producer keys vary per event, so records take the subject hop as often as not.
 * (Key rotation across a restart is {@link LedgerRestartIT}, on a real broker, because it needs a second engine.)
 */
class DpAttackTopologyTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final int MAX_RELEASES = 8;
    private static final String SUBJECT = "cust-42";
    private static final String SANITIZED = TestTopics.sanitized("eu-gdpr", "customer-service");

    private final GatewayKeys keys = TestGateway.gatewayKeys();

    @Test
    void twentyEventsOfOneDayReleaseEightValues() {
        Run run = run(TestGateway.POLICIES, keys, driver -> {
            for (int i = 0; i < 20; i++) {
                driver.produce(event("same-" + i, SUBJECT, NOW.minusSeconds(20 - i)));
            }
        });
        assertThat(run.released()).hasSize(MAX_RELEASES);
        assertThat(run.sanitized()).hasSize(20);
    }

    @Test
    void backdatingEachEventToAnotherDayMintsNoBudget() {
        Run run = run(TestGateway.POLICIES, keys, driver -> {
            for (int i = 0; i < 20; i++) {
                driver.produce(event("back-" + i, SUBJECT, NOW.minus(Duration.ofDays(i))));
            }
        });
        assertThat(run.released()).hasSize(1);
        assertThat(run.quarantineReasons()).hasSize(19).containsOnly("event-time-out-of-range");
    }

    @Test
    void aFutureDatedEventDoesNotPinTheLedgerToItsPeriod() {
        Run run = run(TestGateway.POLICIES, keys, driver -> {
            driver.produce(event("future-0", SUBJECT, Instant.parse("2100-01-01T00:00:00Z")));
            for (int i = 1; i < 20; i++) {
                driver.produce(event("future-" + i, SUBJECT, NOW.minusSeconds(20 - i)));
            }
        });
        assertThat(run.quarantineReasons()).containsExactly("event-time-out-of-range");
        assertThat(run.released()).as("today's events get today's budget, no more").hasSize(MAX_RELEASES);
    }

    @Test
    void oneIdWrittenFiveWaysIsOneSubjectWithOneBudget() {
        List<String> spellings = List.of("cust-42", "cust-42 ", " cust-42", "\tcust-42\n", "\u2003cust-42\u2003");
        Run run = run(TestGateway.POLICIES, keys, driver -> {
            for (int round = 0; round < 10; round++) {
                for (int s = 0; s < spellings.size(); s++) {
                    driver.produce(event("spell-" + round + "-" + s, spellings.get(s), NOW.minusSeconds(60 - round)));
                }
            }
        });
        assertThat(run.released()).hasSize(MAX_RELEASES);
        assertThat(run.sanitizedKeys()).as("one pseudonym for every spelling").hasSize(1);
    }

    @Test
    void caseVariantsAreOneSubjectExactlyWhenThePolicyFoldsCase() {
        Consumer<Driver> input = driver -> {
            for (int i = 0; i < 20; i++) {
                driver.produce(event("case-" + i, i % 2 == 0 ? "CUST-42" : "cust-42", NOW.minusSeconds(20 - i)));
            }
        };
        assertThat(run(TestGateway.POLICIES, keys, input).released()).as("case-sensitive: two subjects")
                .hasSize(2 * MAX_RELEASES);
        assertThat(run(caseFolding(), keys, input).released()).as("case folded: one subject")
                .hasSize(MAX_RELEASES);
    }

    @Test
    void aDuplicateEventIdIsChargedOnceAndReleasesTheIdenticalValue() {
        Run run = run(TestGateway.POLICIES, keys, driver -> {
            for (int i = 0; i < 10; i++) {
                driver.produce(event("dup-1", SUBJECT, NOW.minusSeconds(30)));
            }
            for (int i = 0; i < 10; i++) {
                driver.produce(event("other-" + i, SUBJECT, NOW.minusSeconds(20 - i)));
            }
        });
        List<Object> values = run.released();
        assertThat(values.subList(0, 10)).as("ten copies, one value").containsOnly(values.get(0));
        assertThat(values).as("the duplicate costs one charge: 7 more distinct events fit")
                .hasSize(10 + MAX_RELEASES - 1);
    }

    /** A replay (same input, same keys, fresh state): byte-identical sanitized values; other noise keys differ. */
    @Test
    void twoRunsOfTheSameInputWithTheSameKeysAreByteIdentical() {
        Consumer<Driver> input = driver -> {
            for (int i = 0; i < 12; i++) {
                driver.produce(event("replay-" + i, "cust-" + i % 3, NOW.minusSeconds(20 - i)));
            }
        };
        List<String> first = run(TestGateway.POLICIES, keys, input).sanitizedBytes();
        List<String> second = run(TestGateway.POLICIES, keys, input).sanitizedBytes();
        GatewayKeys otherNoise = new GatewayKeys(keys.pseudonyms(), TestGateway.gatewayKeys().noise(), keys.ledger());
        List<String> otherKeys = run(TestGateway.POLICIES, otherNoise, input).sanitizedBytes();

        assertThat(first).hasSize(12);
        assertThat(second).isEqualTo(first);
        assertThat(otherKeys).as("another noise key gives other values").isNotEqualTo(first);
    }

    private static PolicySet caseFolding() {
        return PolicySet.of(TestGateway.POLICIES.all().stream()
                .map(p -> p.id().equals("eu-gdpr") ? TestGateway.caseFolding(p) : p).toList());
    }

    private static CustomerServiceEvent event(String eventId, String customerId, Instant at) {
        CustomerServiceEvent event = RawEvents.customerService(eventId, "DE");
        event.setCustomerId(customerId);
        event.setOccurredAt(at);
        event.setSatisfaction(1 + Math.floorMod(eventId.hashCode(), 5));
        return event;
    }

    private static Run run(PolicySet policies, GatewayKeys keys, Consumer<Driver> input) {
        GatewayEngine engine = GatewayEngine.create(policies, TestGateway.FAMILIES, keys,
                BudgetTime.window(Clock.fixed(NOW, ZoneOffset.UTC)), new SecureRandomBits());
        try (Driver driver = new Driver(engine)) {
            input.accept(driver);
            return driver.outputs();
        }
    }

    /** One topology under the test driver, with exactly-once and two subject partitions. */
    private static final class Driver implements AutoCloseable {

        private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        private final AvroSerializer<CustomerServiceEvent> serializer = new AvroSerializer<>(registry,
                AvroSerdeConfig.defaults());
        private final TopologyTestDriver driver;
        private int produced;

        Driver(GatewayEngine engine) {
            RecordCodec codec = new RecordCodec(registry, engine.families().all());
            OutputSchemas.registerAll(engine, Lanes.of(engine), codec);
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dp-attack-topology-test");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            driver = new TopologyTestDriver(GatewayTopology.build(engine, codec, new SimpleMeterRegistry(), 2), props,
                    NOW);
        }

        void produce(CustomerServiceEvent event) {
            String topic = RawEvents.topicOf(event);
            driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer())
                    .pipeInput(("producer-key-" + produced).getBytes(StandardCharsets.UTF_8),
                            serializer.serialize(topic, event), NOW.plusMillis(produced++));
        }

        Run outputs() {
            AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(registry,
                    AvroSerdeConfig.defaults());
            List<TestRecord<String, byte[]>> sanitized = driver.createOutputTopic(SANITIZED, new StringDeserializer(),
                    new ByteArrayDeserializer()).readRecordsToList();
            List<GenericRecord> values = new ArrayList<>();
            sanitized.forEach(r -> values.add(deserializer.deserialize(SANITIZED, r.value())));
            List<String> reasons = driver.createOutputTopic(TestTopics.quarantine("eu-gdpr"),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList().stream()
                    .map(r -> new String(r.headers().lastHeader(QuarantineHeaders.REASON).value(),
                            StandardCharsets.UTF_8))
                    .toList();
            return new Run(sanitized, values, reasons);
        }

        @Override
        public void close() {
            driver.close();
        }
    }

    /** What one run wrote for eu-gdpr's customer-service events. */
    private record Run(List<TestRecord<String, byte[]>> records, List<GenericRecord> sanitized,
            List<String> quarantineReasons) {

        /** The dp values released, in order (null when withheld). */
        List<Object> released() {
            return sanitized.stream().map(r -> r.get("satisfaction")).filter(v -> v != null).toList();
        }

        Set<String> sanitizedKeys() {
            return records.stream().map(TestRecord::key).collect(Collectors.toSet());
        }

        List<String> sanitizedBytes() {
            return records.stream().map(r -> Arrays.toString(r.value())).toList();
        }
    }
}
