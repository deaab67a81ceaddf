package io.lepton.gateway.streams;

import static io.lepton.gateway.RawEvents.customerService;
import static io.lepton.gateway.RawEvents.financial;
import static io.lepton.gateway.RawEvents.recommendation;
import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.RawEvents;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Topics;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayTopologyTest {

    private static final Instant AT = RawEvents.AT;

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final GatewayEngine engine = TestGateway.engine();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private AvroSerializer<SpecificRecord> producerSerializer;

    @BeforeEach
    void start() {
        RecordCodec codec = new RecordCodec(registry, engine.families().all());
        SanitizedSchemas.registerAll(engine, codec);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "gateway-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(GatewayTopology.build(engine, codec, meters, 2), props, AT);
        producerSerializer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void eachFamilyReachesItsJurisdictionsSanitizedTopicWithoutTaggedValues() {
        produce(customerService("evt-1", "DE"));
        produce(recommendation("evt-2", "US-CA"));
        produce(financial("evt-3", "CN"));
        produce(customerService("evt-4", "JP"));

        GenericRecord gdpr = single(Topics.sanitized("eu-gdpr", "customer-service"));
        assertThat(gdpr.get("eventId")).hasToString("evt-1");
        assertThat(gdpr.get("customerEmail")).hasToString("[EMAIL]");
        GenericRecord ccpa = single(Topics.sanitized("us-ccpa", "recommendation"));
        assertThat(ccpa.get("ipAddress")).hasToString("203.0.113.0/24");
        GenericRecord pipl = single(Topics.sanitized("cn-pipl", "financial-sentiment"));
        assertThat(pipl.get("eventId")).hasToString("evt-3");
        GenericRecord fallback = single(Topics.sanitized("default", "customer-service"));
        assertThat(fallback.getSchema().getField("customerEmail")).isNull();

        for (GenericRecord out : List.of(gdpr, ccpa, pipl, fallback)) {
            assertThat(out.toString()).doesNotContain(RawEvents.TAGGED_VALUES);
        }
    }

    @Test
    void sanitizedRecordsAreKeyedBySubjectPseudonym() {
        produce(customerService("evt-1", "DE"));
        produce(customerService("evt-2", "FR"));
        TestOutputTopic<String, byte[]> out = driver.createOutputTopic(Topics.sanitized("eu-gdpr", "customer-service"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<String> keys = out.readKeyValuesToList().stream().map(kv -> kv.key).toList();
        assertThat(keys).hasSize(2).allMatch(k -> k.startsWith("eu-gdpr-1.")).doesNotContain("cust-000042");
        assertThat(keys.get(0)).isEqualTo(keys.get(1));
    }

    @Test
    void aSubjectOwnedByThePartitionItIsReadFromSkipsTheHopAndAnotherGoesThroughIt() {
        // The test driver reads every input from partition 0 of 2.
        String hop = GatewayTopology.subjectTopic("gateway-topology-test",
                engine.families().byName("customer-service").orElseThrow());
        CustomerServiceEvent owned = customerService("evt-owned", "DE");
        owned.setCustomerId(subjectOwnedBy(0));
        produce(owned);
        assertThat(driver.producedTopicNames()).doesNotContain(hop);

        CustomerServiceEvent elsewhere = customerService("evt-elsewhere", "DE");
        elsewhere.setCustomerId(subjectOwnedBy(1));
        produce(elsewhere);
        assertThat(driver.producedTopicNames()).contains(hop);

        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(registry, AvroSerdeConfig.defaults());
        assertThat(driver.createOutputTopic(Topics.sanitized("eu-gdpr", "customer-service"), new StringDeserializer(),
                deserializer).readValuesToList()).extracting(r -> r.get("eventId").toString())
                .containsExactly("evt-owned", "evt-elsewhere");
    }

    private static String subjectOwnedBy(int partition) {
        for (int i = 0; ; i++) {
            if (SubjectPartitioner.partition("cust-" + i, 2) == partition) {
                return "cust-" + i;
            }
        }
    }

    @Test
    void outcomesQuarantinesAndDetectionsAreCountedForOperators() {
        produce(customerService("evt-1", "DE"));
        produce(customerService("evt-2", "DE"));
        produce(recommendation("evt-3", "Atlantis"));
        raw("raw.customer-service").pipeInput("k".getBytes(StandardCharsets.UTF_8), new byte[] {9, 9});
        assertThat(count(RecordMetrics.RECORDS, "family", "customer-service", "jurisdiction", "eu-gdpr", "outcome",
                "released")).isEqualTo(2.0);
        assertThat(count(RecordMetrics.QUARANTINED, "jurisdiction", "unrouted", "reason", "unroutable-region"))
                .isEqualTo(1.0);
        assertThat(count(RecordMetrics.QUARANTINED, "jurisdiction", "unrouted", "reason", "undecodable"))
                .isEqualTo(1.0);
        assertThat(count(RecordMetrics.DETECTIONS, "jurisdiction", "eu-gdpr", "type", "EMAIL")).isEqualTo(2.0);
    }

    private double count(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void unknownRegionAndGarbageLandInUnroutedQuarantineWithReasonAndOriginalBytes() {
        byte[] unknownRegion = producerSerializer.serialize("raw.recommendation", recommendation("evt-9", "Atlantis"));
        byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        byte[] unknownSchemaId = {0, 0, 0, 3, (byte) 0xE7, 1, 2, 3};
        raw("raw.recommendation").pipeInput("k1".getBytes(StandardCharsets.UTF_8), unknownRegion);
        raw("raw.customer-service").pipeInput("k2".getBytes(StandardCharsets.UTF_8), garbage);
        raw("raw.financial-sentiment").pipeInput("k3".getBytes(StandardCharsets.UTF_8), unknownSchemaId);
        raw("raw.financial-sentiment").pipeInput("k4".getBytes(StandardCharsets.UTF_8), (byte[]) null);

        List<TestRecord<byte[], byte[]>> quarantined = quarantine(Topics.QUARANTINE_UNROUTED);
        assertThat(quarantined).hasSize(4);
        assertThat(header(quarantined.get(0), QuarantineHeaders.REASON)).isEqualTo("unroutable-region");
        assertThat(quarantined.get(0).value()).isEqualTo(unknownRegion);
        assertThat(header(quarantined.get(0), QuarantineHeaders.SOURCE_TOPIC)).isEqualTo("raw.recommendation");
        assertThat(header(quarantined.get(1), QuarantineHeaders.REASON)).isEqualTo("undecodable");
        assertThat(header(quarantined.get(1), QuarantineHeaders.DETAIL)).contains("InvalidMagicByte");
        assertThat(quarantined.get(1).value()).isEqualTo(garbage);
        assertThat(header(quarantined.get(2), QuarantineHeaders.DETAIL)).contains("UnknownSchemaId");
        assertThat(header(quarantined.get(3), QuarantineHeaders.REASON)).isEqualTo("null-value");
        assertThat(quarantined).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactly("k1", "k2", "k3", "k4");
    }

    @Test
    void recordsThatCannotBeSanitizedAreQuarantinedInTheirOwnJurisdiction() {
        CustomerServiceEvent noSubject = customerService("evt-5", "CN");
        noSubject.setCustomerId("");
        produce(noSubject);
        List<TestRecord<byte[], byte[]>> quarantined = quarantine(Topics.quarantine("cn-pipl"));
        assertThat(quarantined).hasSize(1);
        assertThat(header(quarantined.get(0), QuarantineHeaders.REASON)).isEqualTo("missing-subject");
        assertThat(quarantine(Topics.QUARANTINE_UNROUTED)).isEmpty();
    }

    @Test
    void everyRecordInIsAccountedForOut() {
        int in = 0;
        String[] regions = {"DE", "US-CA", "US-TX", "CN", "BR", "IN", "SG", "JP", "??", "FR"};
        for (String region : regions) {
            produce(customerService("cs-" + region, region));
            produce(recommendation("rec-" + region, region));
            produce(financial("fin-" + region, region));
            in += 3;
        }
        raw("raw.recommendation").pipeInput(new byte[0], new byte[] {1, 2});
        in++;
        long out = 0;
        long sanitized = 0;
        long audited = 0;
        long unrouted = 0;
        for (String topic : GatewayTopics.eventOutputs(engine)) {
            List<TestRecord<byte[], byte[]>> records = quarantine(topic);
            if (topic.equals(Topics.QUARANTINE_UNROUTED)) {
                unrouted = records.size();
            }
            if (topic.startsWith("privacy.audit.")) {
                audited += records.size();
                continue;
            }
            out += records.size();
            if (topic.startsWith("sanitized.")) {
                sanitized += records.size();
            }
        }
        assertThat(out).as("every record in appears once in sanitized or quarantine topics").isEqualTo((long) in);
        assertThat(audited).as("one audit record per released event (no budget is spent here)").isEqualTo(sanitized);
        assertThat(unrouted).isEqualTo(4);
        assertThat(GatewayTopics.outputs(engine)).containsAll(GatewayTopics.eventOutputs(engine))
                .contains(Topics.FAIRNESS_ALERTS);
        assertThat(quarantine(Topics.FAIRNESS_ALERTS)).as("a handful of events is far below any sample gate")
                .isEmpty();
    }

    /**
     * Residency by construction: walking the topology graph from each jurisdiction's sanitize nodes reaches only
     * sinks whose topics belong to that jurisdiction; a cn-pipl record has no edge to any other zone's topic.
     */
    @Test
    void noPathLeadsFromAJurisdictionToAnotherJurisdictionsTopics() {
        TopologyDescription description = GatewayTopology.build(engine,
                new RecordCodec(registry, engine.families().all()), new SimpleMeterRegistry(), 2).describe();
        Set<String> checkedJurisdictions = new HashSet<>();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (!node.name().startsWith("sanitize-")) {
                    continue;
                }
                String jurisdiction = jurisdictionOf(node.name());
                checkedJurisdictions.add(jurisdiction);
                for (String topic : reachableSinkTopics(node)) {
                    assertThat(topic).as(node.name() + " writes " + topic)
                            .isIn(Topics.quarantine(jurisdiction), Topics.sanitized(jurisdiction, familyOf(node)),
                                    Topics.audit(jurisdiction));
                }
            }
        }
        assertThat(checkedJurisdictions).containsExactlyInAnyOrder("eu-gdpr", "us-ccpa", "cn-pipl", "br-lgpd",
                "in-dpdp", "sg-pdpa", "default");
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node.name().startsWith("route-") || node.name().startsWith("dispatch-")) {
                    assertThat(node.successors()).as(node.name() + ": raw records go to no topic but quarantine")
                            .filteredOn(n -> n instanceof TopologyDescription.Sink)
                            .extracting(n -> ((TopologyDescription.Sink) n).topic())
                            .containsOnly(Topics.QUARANTINE_UNROUTED);
                }
                if (node.name().startsWith("key-by-subject-")) {
                    assertThat(reachableSinkTopics(node)).as("re-keyed raw events only go to the internal topic")
                            .containsExactly("subject-" + node.name().substring("key-by-subject-".length())
                                    + "-repartition");
                }
            }
        }
    }

    @Test
    void piplRawDataCannotReachAnotherZoneEvenWhenItsRegionLooksForeign() {
        produce(customerService("cn-1", "CN"));
        produce(customerService("cn-2", "CN-11"));
        for (String topic : GatewayTopics.outputs(engine)) {
            long records = driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .getQueueSize();
            if (records > 0) {
                assertThat(topic).contains("cn-pipl");
            }
        }
    }

    private static String jurisdictionOf(String sanitizeNode) {
        String rest = sanitizeNode.substring("sanitize-".length());
        for (EventFamily family : TestGateway.FAMILIES.all()) {
            if (rest.endsWith("-" + family.name())) {
                return rest.substring(0, rest.length() - family.name().length() - 1);
            }
        }
        throw new AssertionError("unexpected node " + sanitizeNode);
    }

    private static String familyOf(TopologyDescription.Node node) {
        return node.name().substring(("sanitize-" + jurisdictionOf(node.name()) + "-").length());
    }

    private static List<String> reachableSinkTopics(TopologyDescription.Node start) {
        List<String> topics = new ArrayList<>();
        List<TopologyDescription.Node> frontier = new ArrayList<>(start.successors());
        while (!frontier.isEmpty()) {
            TopologyDescription.Node node = frontier.remove(frontier.size() - 1);
            if (node instanceof TopologyDescription.Sink sink) {
                topics.add(sink.topic());
            }
            frontier.addAll(node.successors());
        }
        return topics;
    }

    private void produce(SpecificRecord event) {
        String topic = RawEvents.topicOf(event);
        raw(topic).pipeInput("subject".getBytes(StandardCharsets.UTF_8), producerSerializer.serialize(topic, event));
    }

    private TestInputTopic<byte[], byte[]> raw(String topic) {
        return driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer(), AT,
                java.time.Duration.ofMillis(1));
    }

    private GenericRecord single(String topic) {
        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(registry, AvroSerdeConfig.defaults());
        TestOutputTopic<String, GenericRecord> out = driver.createOutputTopic(topic, new StringDeserializer(),
                deserializer);
        List<GenericRecord> values = out.readValuesToList();
        assertThat(values).as(topic).hasSize(1);
        return values.get(0);
    }

    private List<TestRecord<byte[], byte[]>> quarantine(String topic) {
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .readRecordsToList();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
