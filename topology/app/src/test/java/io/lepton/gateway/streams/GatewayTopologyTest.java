package io.lepton.gateway.streams;

import static io.lepton.gateway.RawEvents.customerService;
import static io.lepton.gateway.RawEvents.financial;
import static io.lepton.gateway.RawEvents.recommendation;
import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.RawEvents;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.TestTopics;
import io.lepton.gateway.engine.LaneTopics;
import io.lepton.gateway.engine.family.EventFamily;
import org.apache.kafka.streams.Topology;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayTopologyTest {

    private static final Instant AT = RawEvents.AT;

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final GatewayEngine engine = TestGateway.engine();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private AvroSerializer<SpecificRecord> producerSerializer;

    @BeforeEach
    void start() {
        RecordCodec codec = new RecordCodec(registry, engine.families().all());
        OutputSchemas.registerAll(engine, Lanes.of(engine), codec);
        Properties props = TestGateway.driverProperties("gateway-topology-test", stateDir);
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

        GenericRecord gdpr = single(TestTopics.sanitized("eu-gdpr", "customer-service"));
        assertThat(gdpr.get("eventId")).hasToString("evt-1");
        assertThat(gdpr.get("customerEmail")).hasToString("[EMAIL]");
        GenericRecord ccpa = single(TestTopics.sanitized("us-ccpa", "recommendation"));
        assertThat(ccpa.get("ipAddress")).hasToString("203.0.113.0/24");
        GenericRecord pipl = single(TestTopics.sanitized("cn-pipl", "financial-sentiment"));
        assertThat(pipl.get("eventId")).hasToString("evt-3");
        GenericRecord fallback = single(TestTopics.sanitized("default", "customer-service"));
        assertThat(fallback.getSchema().getField("customerEmail")).isNull();

        for (GenericRecord out : List.of(gdpr, ccpa, pipl, fallback)) {
            assertThat(out.toString()).doesNotContain(RawEvents.TAGGED_VALUES);
        }
    }

    @Test
    void sanitizedRecordsAreKeyedBySubjectPseudonym() {
        produce(customerService("evt-1", "DE"));
        produce(customerService("evt-2", "FR"));
        TestOutputTopic<String, byte[]> out = driver.createOutputTopic(TestTopics.sanitized("eu-gdpr", "customer-service"),
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
        assertThat(driver.createOutputTopic(TestTopics.sanitized("eu-gdpr", "customer-service"), new StringDeserializer(),
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

        List<TestRecord<byte[], byte[]>> quarantined = quarantine(TestTopics.UNROUTED);
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
        List<TestRecord<byte[], byte[]>> quarantined = quarantine(TestTopics.quarantine("cn-pipl"));
        assertThat(quarantined).hasSize(1);
        assertThat(header(quarantined.get(0), QuarantineHeaders.REASON)).isEqualTo("missing-subject");
        assertThat(quarantine(TestTopics.UNROUTED)).isEmpty();
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
            if (topic.equals(TestTopics.UNROUTED)) {
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
        assertThat(audited).as("every routed event has a sanitized record, so no audit record (roll-ups come with "
                + "the wall clock)").isZero();
        assertThat(sanitized).isEqualTo(in - unrouted);
        assertThat(unrouted).isEqualTo(4);
        assertThat(GatewayTopics.outputs(engine)).containsAll(GatewayTopics.eventOutputs(engine))
                .contains(TestTopics.alerts("eu-gdpr"), TestTopics.alerts("cn-pipl"));
        for (var policy : engine.policies().all()) {
            assertThat(quarantine(TestTopics.alerts(policy.id()))).as("a handful of events is far below any sample gate")
                    .isEmpty();
        }
    }

    /**
     * Residency by construction: every node of the built topology, lane nodes, router nodes and stores alike, is
     * checked against the lanes; the same check runs inside {@link GatewayTopology#build}.
     */
    @Test
    void everyNodeOfTheBuiltTopologyKeepsItsLanesDataInTheLane() {
        TopologyDescription description = GatewayTopology.build(engine,
                new RecordCodec(registry, engine.families().all()), new SimpleMeterRegistry(), 2).describe();
        Lanes lanes = Lanes.of(engine);
        assertThat(LaneResidency.violations(description, lanes, GatewayTopology.routerTopics(engine))).isEmpty();
        long laneNodes = description.subtopologies().stream().flatMap(s -> s.nodes().stream())
                .filter(n -> lanes.all().stream().anyMatch(l -> n.name().startsWith(l.policy().id() + "."))).count();
        assertThat(laneNodes).as("the check saw the lanes' nodes").isGreaterThanOrEqualTo(7 * 3 * 4);
    }

    /** The negative controls: the check is not vacuous, each kind of miswiring is caught. */
    @Test
    void theResidencyCheckCatchesADeliberatelyMiswiredTopology() {
        EventFamily customerService = engine.families().byName("customer-service").orElseThrow();
        String piplSanitizer = "cn-pipl.sanitize.customer-service";

        Topology extraEdge = built();
        extraEdge.addSink("leak", TestTopics.sanitized("eu-gdpr", "customer-service"), piplSanitizer);
        assertThat(violations(extraEdge)).anySatisfy(v -> assertThat(v).contains(
                "cn-pipl node cn-pipl.sanitize.customer-service feeds leak outside its lane"));

        assertThat(sinkViolations(laneSinkWriting(TestTopics.sanitized("eu-gdpr", "customer-service"))))
                .singleElement().asString().contains("cn-pipl sink cn-pipl.sanitized.customer-service writes "
                        + "sanitized.eu-gdpr.customer-service, which is not a topic of its lane");
        assertThat(sinkViolations(laneSinkWriting(LaneTopics.crossBorderAggregates(customerService))))
                .as("crossBorder: none keeps even aggregates in the zone").singleElement().asString()
                .contains("writes dp-aggregates.customer-service");
        assertThat(sinkViolations(laneSinkWriting(TestTopics.lane("cn-pipl").aggregates(customerService))))
                .as("the in-zone aggregates topic is the lane's own").isEmpty();
        assertThat(sinkViolations(laneSinkWriting(TestTopics.lane("eu-gdpr").contributions(customerService))))
                .as("another lane's aggregate contributions hop").singleElement().asString()
                .contains("writes dp-contributions.eu-gdpr.customer-service");
        assertThat(sinkViolations(laneSinkWriting(TestTopics.lane("cn-pipl").contributions(customerService))))
                .as("the lane's own contributions hop").isEmpty();

        Topology sharedAggregateStore = built();
        sharedAggregateStore.connectProcessorAndStateStores("eu-gdpr.aggregates.customer-service",
                "cn-pipl.aggregates-state.customer-service");
        assertThat(violations(sharedAggregateStore)).singleElement().asString().contains(
                "eu-gdpr node eu-gdpr.aggregates.customer-service uses store cn-pipl.aggregates-state.customer-service");

        Topology routerLeak = built();
        routerLeak.addSink("raw-copy", "analytics.everything", "route.customer-service");
        assertThat(violations(routerLeak)).singleElement().asString()
                .contains("router sink raw-copy writes analytics.everything");

        Topology sharedStore = built();
        sharedStore.connectProcessorAndStateStores("eu-gdpr.sanitize.customer-service", "dp-ledger-cn-pipl");
        assertThat(violations(sharedStore)).singleElement().asString()
                .contains("eu-gdpr node eu-gdpr.sanitize.customer-service uses store dp-ledger-cn-pipl outside its lane");

        Topology bypass = built();
        bypass.addSink("cn-pipl.quarantine.customer-service-copy", "quarantine.unrouted", "route.customer-service");
        bypass.addProcessor("side-door", Inert::new, "route.customer-service");
        bypass.connectProcessorAndStateStores("side-door", "dp-ledger-cn-pipl");
        assertThat(violations(bypass)).anySatisfy(v -> assertThat(v).contains("router node side-door uses stores"));
    }

    /**
     * A router node feeding cn-pipl's sanitizer, whose sanitized sink writes {@code topic}: a lane that names the
     * wrong topic, the miswiring a change to the lane itself could introduce.
     */
    private Topology laneSinkWriting(String topic) {
        Topology topology = new Topology();
        topology.addSource("source.customer-service", "raw.customer-service");
        topology.addProcessor("route.customer-service", Inert::new, "source.customer-service");
        topology.addProcessor("cn-pipl.sanitize.customer-service", Inert::new, "route.customer-service");
        topology.addSink("cn-pipl.sanitized.customer-service", topic, "cn-pipl.sanitize.customer-service");
        return topology;
    }

    /** A node that does nothing: only the shape of the graph matters to the residency check. */
    private static final class Inert implements org.apache.kafka.streams.processor.api.Processor<Object, Object, Object, Object> {
        @Override
        public void process(org.apache.kafka.streams.processor.api.Record<Object, Object> record) {}
    }

    /** Violations of a partial graph, leaving out the inlets it does not build. */
    private List<String> sinkViolations(Topology partial) {
        return violations(partial).stream().filter(v -> !v.contains("has no edge from the router")).toList();
    }

    private Topology built() {
        return GatewayTopology.build(engine, new RecordCodec(registry, engine.families().all()),
                new SimpleMeterRegistry(), 2);
    }

    private List<String> violations(Topology topology) {
        return LaneResidency.violations(topology.describe(), Lanes.of(engine), GatewayTopology.routerTopics(engine));
    }

    /**
     * A cn-pipl stream large and biased enough to pass the fairness sample gate reaches only cn-pipl's topics and
     * stores, topic by topic, internal ones included (the subject hop, which carries raw events inside the raw
     * cluster, is the one exception and holds no output).
     */
    @Test
    void piplDataReachesOnlyPiplTopicsEvenWithFairnessAlertsAndForeignLookingRegions() {
        produce(customerService("cn-1", "CN"));
        produce(customerService("cn-2", "CN-11"));
        for (int i = 0; i < 600; i++) {
            var event = financial("fin-cn-" + i, "CN");
            event.setAccountId("cn-subject-" + i);
            event.setGender(i % 2 == 0 ? "F" : "M");
            event.setApproved(i % 2 == 0 ? i % 10 < 4 : true);
            produce(event);
            driver.advanceWallClockTime(java.time.Duration.ofMillis(10));
        }
        assertThat(driver.createOutputTopic(TestTopics.alerts("cn-pipl"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()).getQueueSize()).as("the fairness monitor spoke").isPositive();
        assertThat(driver.producedTopicNames()).as("the pooled counts and the merge's changelog are cn-pipl's own")
                .contains(TestTopics.lane("cn-pipl").fairnessCounts(),
                        "gateway-topology-test-cn-pipl.fairness-pooled-changelog");
        for (String topic : driver.producedTopicNames()) {
            if (topic.contains("-subject-") && topic.endsWith("-repartition")) {
                continue;
            }
            assertThat(topic).as("topic written for cn-pipl events").contains("cn-pipl");
        }
        assertThat(meters.find("lepton.fairness.group.votes").gauges()).as("gauges of cn-pipl only").isNotEmpty()
                .allSatisfy(g -> assertThat(g.getId().getTag("jurisdiction")).isEqualTo("cn-pipl"));
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
