package io.lepton.gateway.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.RawEvents;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.TestTopics;
import io.lepton.gateway.engine.dp.BudgetState;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-subject budget ledger in the topology: eu-gdpr charges ε 0.5 per customer-service event against ε 4 per
 * day, then withholds the dp field (satisfaction); the default policy charges 0.25 against 2, then suppresses. A
 * sanitized record's provenance headers say what it cost and the budget band; a suppressed event gets an audit record;
 * counters record exhaustion.
 */
class LedgerTopologyTest {

    private static final Instant DAY_ONE = RawEvents.AT;
    private static final Instant DAY_TWO = Instant.parse("2026-11-25T00:00:00Z");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final GatewayEngine engine = TestGateway.engine(SecureRandomBits.seeded(5));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private AvroSerializer<SpecificRecord> producerSerializer;
    private int produced;

    @BeforeEach
    void start() {
        RecordCodec codec = new RecordCodec(registry, engine.families().all());
        OutputSchemas.registerAll(engine, Lanes.of(engine), codec);
        Properties props = TestGateway.driverProperties("ledger-topology-test", stateDir);
        driver = new TopologyTestDriver(GatewayTopology.build(engine, codec, meters, 2), props, DAY_ONE);
        producerSerializer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void afterBudgetOverEpsilonEventsTheSubjectsDpFieldsAreWithheldAndCounted() {
        for (int i = 0; i < 10; i++) {
            produce(event("DE", DAY_ONE.plusSeconds(i)), "producer-key-" + i);
        }
        List<TestRecord<String, GenericRecord>> records = readRecords(TestTopics.sanitized("eu-gdpr",
                "customer-service"));
        List<KeyValue<String, GenericRecord>> sanitized = records.stream()
                .map(r -> KeyValue.pair(r.key(), r.value())).toList();
        assertThat(sanitized).hasSize(10);
        assertThat(sanitized.subList(0, 8)).allSatisfy(kv -> assertThat(kv.value.get("satisfaction")).isNotNull());
        assertThat(sanitized.subList(8, 10)).allSatisfy(kv -> assertThat(kv.value.get("satisfaction")).isNull());
        List<String> bands = header(records, "lepton.budget");
        assertThat(bands).containsExactly("75-100", "75-100", "50-75", "50-75", "25-50", "25-50", "0-25", "0-25",
                "exhausted", "exhausted");
        assertThat(header(records, "lepton.dp"))
                .containsExactly("laplace:0.5", "laplace:0.5", "laplace:0.5", "laplace:0.5", "laplace:0.5",
                        "laplace:0.5", "laplace:0.5", "laplace:0.5", "laplace:0", "laplace:0");
        assertThat(read(TestTopics.audit("eu-gdpr"))).as("every event has a sanitized record: no audit record").isEmpty();
        assertThat(exhausted("eu-gdpr", "withheld")).isEqualTo(2);

        KeyValueStore<String, byte[]> ledger = driver.getKeyValueStore(LedgerStore.name("eu-gdpr"));
        List<KeyValue<String, byte[]>> entries = new java.util.ArrayList<>();
        ledger.all().forEachRemaining(entries::add);
        assertThat(entries).as("one subject, one entry, whatever key the producer used").hasSize(1);
        assertThat(entries.get(0).key).as("keyed by the ledger key, not the rotatable pseudonym").startsWith("L.")
                .isNotEqualTo(sanitized.get(0).key);
        BudgetState state = BudgetState.fromBytes(entries.get(0).value);
        assertThat(state.spent()).isEqualTo(4.0);
        assertThat(state.periodStart()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z").toEpochMilli());
    }

    /**
     * The ledger's per-event state work is O(1): a charge writes its own subject's entry, a few dozen bytes, never a
     * table whose size grows with the subjects seen. (The test driver commits after every record, so each charge
     * reaches the changelog; in production the caching store folds a subject's charges within one commit.)
     */
    @Test
    void eachChargeWritesOneSmallEntryOfItsOwnSubjectHoweverManySubjectsTheLedgerHolds() {
        int subjects = 200;
        for (int i = 0; i < subjects; i++) {
            CustomerServiceEvent event = event("DE", DAY_ONE.plusSeconds(i));
            event.setCustomerId("cust-" + i);
            produce(event, "cust-" + i);
        }

        List<KeyValue<byte[], byte[]>> changelog = driver.createOutputTopic(
                "ledger-topology-test-" + LedgerStore.name("eu-gdpr") + "-changelog", new ByteArrayDeserializer(),
                new ByteArrayDeserializer()).readKeyValuesToList();
        assertThat(changelog).hasSize(subjects);
        assertThat(changelog).extracting(kv -> new String(kv.key, StandardCharsets.UTF_8)).doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key).hasSizeLessThanOrEqualTo(64));
        // Version byte, period start, spent units, tag count, one event tag: 1 + 8 + 8 + 2 + 8 bytes, for the first
        // subject as for the 200th.
        assertThat(changelog).allSatisfy(kv -> assertThat(kv.value).hasSize(27));
    }

    @Test
    void theBudgetRollsOverToTheNextPeriodByEventTime() {
        for (int i = 0; i < 9; i++) {
            produce(event("DE", DAY_ONE.plusSeconds(i)), "k");
        }
        produce(event("FR", DAY_TWO.plusSeconds(5)), "k");
        List<TestRecord<String, GenericRecord>> records = readRecords(TestTopics.sanitized("eu-gdpr",
                "customer-service"));
        assertThat(header(records, "lepton.budget").subList(7, 10)).containsExactly("0-25", "exhausted", "75-100");
        assertThat(records.get(9).value().get("satisfaction")).isNotNull();
    }

    @Test
    void underTheSuppressPolicyAnExhaustedSubjectsEventsAreNotReleasedOnlyAudited() {
        for (int i = 0; i < 10; i++) {
            produce(event("JP", DAY_ONE.plusSeconds(i)), "k");
        }
        assertThat(read(TestTopics.sanitized("default", "customer-service"))).hasSize(8);
        List<KeyValue<String, GenericRecord>> audit = read(TestTopics.audit("default"));
        assertThat(audit).as("one audit record per event without a sanitized record").hasSize(2);
        assertThat(audit).allSatisfy(kv -> {
            assertThat(kv.value.get("outcome")).hasToString("SUPPRESSED");
            assertThat(kv.value.get("budgetExhausted")).isEqualTo(true);
            assertThat(kv.key).isEqualTo(kv.value.get("eventId").toString());
        });
        assertThat(exhausted("default", "suppressed")).isEqualTo(2);
        assertThat(exhausted("eu-gdpr", "withheld")).isZero();
    }

    @Test
    void auditRecordsAndRollUpsCarryNoPersonalData() {
        produce(RawEvents.customerService("evt-a", "DE"), "cust-000042");
        produce(RawEvents.financial("evt-b", "CN"), "acct-5555");
        produce(RawEvents.recommendation("evt-c", "US-CA"), "user-123456");
        CustomerServiceEvent noSubject = RawEvents.customerService("evt-d", "DE");
        noSubject.setCustomerId(" ");
        produce(noSubject, "k");
        driver.advanceWallClockTime(AuditRollups.WINDOW.plus(AuditRollups.PUNCTUATION));
        String sanitizedKey = read(TestTopics.sanitized("eu-gdpr", "customer-service")).get(0).key;
        for (String jurisdiction : List.of("eu-gdpr", "cn-pipl", "us-ccpa")) {
            List<KeyValue<String, GenericRecord>> audit = read(TestTopics.audit(jurisdiction));
            assertThat(audit).as("a roll-up (and eu-gdpr's quarantined event)")
                    .hasSize(jurisdiction.equals("eu-gdpr") ? 2 : 1);
            for (KeyValue<String, GenericRecord> record : audit) {
                String text = record.key + record.value;
                assertThat(text).doesNotContain(RawEvents.TAGGED_VALUES).doesNotContain(sanitizedKey)
                        .doesNotContain("cust-000042", "acct-5555", "user-123456", "Bullish", "DE89370400440532013000");
                assertThat(record.value.get("jurisdiction")).hasToString(jurisdiction);
            }
        }
    }

    private static CustomerServiceEvent event(String region, Instant at) {
        CustomerServiceEvent event = RawEvents.customerService("evt-" + at.toEpochMilli(), region);
        event.setOccurredAt(at);
        return event;
    }

    private void produce(SpecificRecord event, String producerKey) {
        String topic = RawEvents.topicOf(event);
        driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer(), DAY_ONE,
                Duration.ofMillis(1)).pipeInput(producerKey.getBytes(StandardCharsets.UTF_8),
                        producerSerializer.serialize(topic, event), DAY_ONE.plusMillis(produced++));
    }

    private List<KeyValue<String, GenericRecord>> read(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(),
                new AvroDeserializer<GenericRecord>(registry, AvroSerdeConfig.defaults())).readKeyValuesToList();
    }

    private List<TestRecord<String, GenericRecord>> readRecords(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(),
                new AvroDeserializer<GenericRecord>(registry, AvroSerdeConfig.defaults())).readRecordsToList();
    }

    private static List<String> header(List<TestRecord<String, GenericRecord>> records, String name) {
        return records.stream()
                .map(r -> new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8)).toList();
    }

    private double exhausted(String jurisdiction, String outcome) {
        var counter = meters.find(BudgetMetrics.EXHAUSTED).tag("jurisdiction", jurisdiction).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
