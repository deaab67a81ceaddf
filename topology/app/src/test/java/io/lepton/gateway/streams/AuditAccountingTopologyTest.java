package io.lepton.gateway.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.RawEvents;
import io.lepton.gateway.TestTopics;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.provenance.GatewayVersion;
import io.lepton.gateway.engine.provenance.ProvenanceHeaders;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.schemas.FinancialSentimentEvent;
import io.lepton.schemas.RecommendationEvent;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit contract through the real topology: every sanitized record of every built-in policy and family carries
 * the provenance headers; every event a lane processes is accounted for by exactly one of {sanitized record, audit
 * record}, and the roll-ups emitted when the window ends count every one of them, outcome by outcome.
 */
class AuditAccountingTopologyTest {

    private static final Instant AT = RawEvents.AT;

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final GatewayEngine engine = TestGateway.engine(SecureRandomBits.seeded(11));
    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private AvroSerializer<SpecificRecord> producerSerializer;
    private int produced;

    @BeforeEach
    void start() {
        RecordCodec codec = new RecordCodec(registry, engine.families().all());
        OutputSchemas.registerAll(engine, Lanes.of(engine), codec);
        Properties props = TestGateway.driverProperties("audit-accounting-test", stateDir);
        driver = new TopologyTestDriver(GatewayTopology.build(engine, codec, new SimpleMeterRegistry(), 2), props, AT);
        producerSerializer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void everySanitizedRecordOfEveryPolicyAndFamilyCarriesTheProvenanceHeaders() {
        List<String> sent = sendToEveryLane(3);
        int seen = 0;
        for (JurisdictionPolicy policy : engine.policies().all()) {
            for (EventFamily family : engine.families().all()) {
                List<TestRecord<String, GenericRecord>> records = readRecords(TestTopics.sanitized(policy.id(),
                        family.name()));
                assertThat(records).as(policy.id() + "/" + family.name()).hasSize(3);
                for (TestRecord<String, GenericRecord> record : records) {
                    Map<String, String> headers = headers(record);
                    assertThat(headers.keySet()).containsExactlyElementsOf(ProvenanceHeaders.NAMES);
                    assertThat(headers).containsEntry(ProvenanceHeaders.JURISDICTION, policy.id())
                            .containsEntry(ProvenanceHeaders.POLICY, policy.id() + "@" + policy.contentHash())
                            .containsEntry(ProvenanceHeaders.GATEWAY, GatewayVersion.current());
                    assertThat(String.join("\n", headers.values())).doesNotContain(RawEvents.TAGGED_VALUES)
                            .doesNotContain(record.key());
                    seen++;
                }
            }
        }
        assertThat(seen).isEqualTo(sent.size());
    }

    @Test
    void everyEventIsAccountedForOnceAndTheRollUpsCountThemAll() {
        List<String> laneEvents = new ArrayList<>(sendToEveryLane(2));
        for (int i = 0; i < 10; i++) { // eu-gdpr withholds after 8, the default policy suppresses after 8
            laneEvents.add(send(customerService("budget-eu-" + i, "DE", "cust-budget-eu")));
            laneEvents.add(send(customerService("budget-jp-" + i, "JP", "cust-budget-jp")));
        }
        for (String region : List.of("DE", "CN", "BR")) {
            laneEvents.add(send(customerService("nosubject-" + region, region, " ")));
        }
        send(customerService("unrouted-1", "??", "cust-x")); // no jurisdiction: quarantine.unrouted only

        Map<String, Integer> once = new HashMap<>();
        Map<String, Long> sanitizedByLane = new HashMap<>();
        Map<String, Long> auditedByLane = new HashMap<>();
        Map<String, Long> rolledUpByLane = new HashMap<>();
        Map<String, Map<String, Long>> outcomesByLane = new HashMap<>();
        long rolledUp = 0;

        Map<String, List<KeyValue<String, GenericRecord>>> audit = new HashMap<>();
        for (JurisdictionPolicy policy : engine.policies().all()) {
            audit.put(policy.id(), new ArrayList<>(read(TestTopics.audit(policy.id()))));
        }
        assertThat(audit.values()).as("nothing is rolled up before the window ends").allSatisfy(records ->
                assertThat(records).noneMatch(r -> r.value.getSchema().getName().equals("AuditRollup")));
        driver.advanceWallClockTime(AuditRollups.WINDOW.plus(AuditRollups.PUNCTUATION));
        for (JurisdictionPolicy policy : engine.policies().all()) {
            audit.get(policy.id()).addAll(read(TestTopics.audit(policy.id())));
        }

        for (JurisdictionPolicy policy : engine.policies().all()) {
            for (EventFamily family : engine.families().all()) {
                for (TestRecord<String, GenericRecord> record : readRecords(TestTopics.sanitized(policy.id(),
                        family.name()))) {
                    once.merge(record.value().get("eventId").toString(), 1, Integer::sum);
                    sanitizedByLane.merge(policy.id() + "/" + family.name(), 1L, Long::sum);
                }
            }
            for (KeyValue<String, GenericRecord> record : audit.get(policy.id())) {
                GenericRecord value = record.value;
                String lane = policy.id() + "/" + value.get("family");
                assertThat(value.get("jurisdiction")).hasToString(policy.id());
                assertThat(value.get("policyVersion")).hasToString(policy.contentHash());
                if (value.getSchema().getName().equals("AuditRecord")) {
                    once.merge(value.get("eventId").toString(), 1, Integer::sum);
                    auditedByLane.merge(lane, 1L, Long::sum);
                    assertThat(record.key).isEqualTo(value.get("eventId").toString());
                } else {
                    assertThat(value.getSchema().getName()).isEqualTo("AuditRollup");
                    long events = (Long) value.get("events");
                    rolledUp += events;
                    rolledUpByLane.merge(lane, events, Long::sum);
                    @SuppressWarnings("unchecked")
                    Map<Object, Long> outcomes = (Map<Object, Long>) value.get("outcomes");
                    outcomes.forEach((outcome, n) -> outcomesByLane.computeIfAbsent(lane, l -> new HashMap<>())
                            .merge(outcome.toString(), n, Long::sum));
                }
            }
            assertThat(driver.getKeyValueStore(AuditRollups.storeName(policy.id())).approximateNumEntries())
                    .as("emitted tallies are forgotten").isZero();
        }

        assertThat(once.keySet()).containsExactlyInAnyOrderElementsOf(laneEvents);
        assertThat(once.values()).as("exactly one of {sanitized record, audit record} per event").containsOnly(1);
        assertThat(rolledUp).as("the roll-ups count every event").isEqualTo(laneEvents.size());
        for (String lane : rolledUpByLane.keySet()) {
            Map<String, Long> outcomes = outcomesByLane.get(lane);
            assertThat(outcomes.get("RELEASED") + outcomes.get("WITHHELD")).as(lane + " sanitized")
                    .isEqualTo(sanitizedByLane.getOrDefault(lane, 0L));
            assertThat(outcomes.get("SUPPRESSED") + outcomes.get("QUARANTINED")).as(lane + " audited")
                    .isEqualTo(auditedByLane.getOrDefault(lane, 0L));
        }
        assertThat(outcomesByLane.get("eu-gdpr/customer-service")).containsEntry("WITHHELD", 2L)
                .containsEntry("QUARANTINED", 1L);
        assertThat(outcomesByLane.get("default/customer-service")).containsEntry("SUPPRESSED", 2L);

        driver.advanceWallClockTime(AuditRollups.WINDOW.multipliedBy(3));
        assertThat(rollUps()).as("a window is reported once").isEmpty();
    }

    /** Sends {@code perFamily} events of every family to every jurisdiction (one subject each); returns their ids. */
    private List<String> sendToEveryLane(int perFamily) {
        List<String> ids = new ArrayList<>();
        for (JurisdictionPolicy policy : engine.policies().all()) {
            String region = policy.isDefault() ? "JP" : policy.regions().stream().sorted().findFirst().orElseThrow();
            for (int i = 0; i < perFamily; i++) {
                String suffix = policy.id() + "-" + i;
                ids.add(send(customerService("cs-" + suffix, region, "cust-" + suffix)));
                RecommendationEvent recommendation = RawEvents.recommendation("rec-" + suffix, region);
                recommendation.setUserId("user-" + suffix);
                ids.add(send(recommendation));
                FinancialSentimentEvent financial = RawEvents.financial("fin-" + suffix, region);
                financial.setAccountId("acct-" + suffix);
                ids.add(send(financial));
            }
        }
        return ids;
    }

    private static CustomerServiceEvent customerService(String id, String region, String subject) {
        CustomerServiceEvent event = RawEvents.customerService(id, region);
        event.setCustomerId(subject);
        return event;
    }

    private String send(SpecificRecord event) {
        String topic = RawEvents.topicOf(event);
        driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer(), AT, Duration.ofMillis(1))
                .pipeInput("k".getBytes(StandardCharsets.UTF_8), producerSerializer.serialize(topic, event),
                        AT.plusMillis(produced++));
        return event.get(event.getSchema().getField("eventId").pos()).toString();
    }

    private List<GenericRecord> rollUps() {
        List<GenericRecord> rollUps = new ArrayList<>();
        for (JurisdictionPolicy policy : engine.policies().all()) {
            read(TestTopics.audit(policy.id())).stream().map(kv -> kv.value)
                    .filter(v -> v.getSchema().getName().equals("AuditRollup")).forEach(rollUps::add);
        }
        return rollUps;
    }

    private List<KeyValue<String, GenericRecord>> read(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(),
                new AvroDeserializer<GenericRecord>(registry, AvroSerdeConfig.defaults())).readKeyValuesToList();
    }

    private List<TestRecord<String, GenericRecord>> readRecords(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(),
                new AvroDeserializer<GenericRecord>(registry, AvroSerdeConfig.defaults())).readRecordsToList();
    }

    private static Map<String, String> headers(TestRecord<String, GenericRecord> record) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
