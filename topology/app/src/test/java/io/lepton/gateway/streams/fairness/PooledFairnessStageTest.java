package io.lepton.gateway.streams.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.RawEvents;
import io.lepton.gateway.engine.LaneTopics;
import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.gateway.streams.RecordCodec;
import io.lepton.schemas.AlertKind;
import io.lepton.schemas.AlertStatus;
import io.lepton.schemas.FairnessAlert;
import io.lepton.schemas.FinancialSentimentEvent;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two lanes (eu-gdpr and cn-pipl, built-in policies: windows PT1H/PT15M, gate 100, budget 0.01 per P30D, reference
 * gender M) on Kafka Streams' real in-memory stores, each fed by its own input topic standing in for the router's
 * branch of that jurisdiction. Events of distinct subjects arrive 100 ms apart; the wall clock advances 100 ms per
 * event, so the map side flushes as it would under load.
 */
class PooledFairnessStageTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final String EU_INPUT = "test.eu-gdpr.financial-sentiment";
    private static final String CN_INPUT = "test.cn-pipl.financial-sentiment";

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private static final EventFamilies FAMILIES = EventFamilies.discover();
    private static final PolicySet POLICIES = PolicySet.builtIn(PiiCatalog.knownClasses(FAMILIES));
    private TopologyTestDriver driver;
    private Map<String, FairnessLaneNodes> lanes;
    private Topology topology;
    private AvroSerializer<SpecificRecord> producer;

    @BeforeEach
    void start() {
        RecordCodec codec = new RecordCodec(registry, FAMILIES.all());
        EventFamily financial = FAMILIES.byName("financial-sentiment").orElseThrow();
        topology = new Topology();
        topology.addSource("eu-in", new ByteArrayDeserializer(), new ByteArrayDeserializer(), EU_INPUT);
        topology.addSource("cn-in", new ByteArrayDeserializer(), new ByteArrayDeserializer(), CN_INPUT);
        lanes = Map.of(
                "eu-gdpr", lane(codec, financial, "eu-gdpr", "eu-in", EU_INPUT),
                "cn-pipl", lane(codec, financial, "cn-pipl", "cn-in", CN_INPUT));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "pooled-fairness-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(topology, props, AT);
        producer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
    }

    private FairnessLaneNodes lane(RecordCodec codec, EventFamily family, String jurisdiction, String parent,
                                   String topic) {
        JurisdictionPolicy policy = POLICIES.byId(jurisdiction).orElseThrow();
        codec.registerValueSchema(LaneTopics.of(policy).fairnessAlerts(), FairnessAlert.getClassSchema());
        PooledFairnessStage stage = PooledFairnessStage.of(policy, List.of(family), LaneTopics.of(policy))
                .orElseThrow();
        stage.<byte[]>addTo(topology, Map.of(family, List.of(parent)), bytes -> codec.decode(family, topic, bytes),
                (f, event) -> OptionalLong.of(f.occurredAt(event)),
                codec.avroSerializer(), new FairnessMeters(meters));
        return stage.nodes();
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void approvalOf40Versus80PercentRaisesASequentialBreachFromPooledCountsWithinMinutes() {
        stream(EU_INPUT, 0.4, 0.8, 3_000, new SplittableRandom(1));

        List<FairnessAlert> alerts = alerts("eu-gdpr");
        List<FairnessAlert> sequential = alerts.stream().filter(a -> a.getKind() == AlertKind.SEQUENTIAL).toList();
        assertThat(sequential).extracting(FairnessAlert::getMetric)
                .contains("disparate_impact", "statistical_parity_difference");
        FairnessAlert first = sequential.get(0);
        assertThat(first.getStatus()).isEqualTo(AlertStatus.BREACH);
        assertThat(first.getGroups()).containsExactly("F", "M");
        assertThat(first.getEValue()).isGreaterThanOrEqualTo(1 / first.getAlphaSpent());
        assertThat(first.getSampleSizes().values()).allSatisfy(n -> {
            assertThat(n % 10).isZero();
            assertThat(n).isGreaterThanOrEqualTo(100);
        });
        assertThat(alerts).extracting(FairnessAlert::getAlertId).doesNotHaveDuplicates();
        assertThat(alerts).allSatisfy(a -> assertThat(a.getJurisdiction()).isEqualTo("eu-gdpr"));
        // the pooled state lives in the lane's real in-memory store
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(lanes.get("eu-gdpr").storeName());
        assertThat(store.get("financial-sentiment|gender")).isNotNull();
        assertThat(alerts("cn-pipl")).isEmpty();
    }

    @Test
    void aBalancedStreamRaisesNothing() {
        stream(EU_INPUT, 0.8, 0.8, 3_000, new SplittableRandom(2));
        assertThat(alerts("eu-gdpr")).isEmpty();
    }

    @Test
    void cnPiplCountsAndAlertsStayInCnPiplTopicsAndStores() {
        stream(CN_INPUT, 0.4, 0.8, 3_000, new SplittableRandom(3));

        assertThat(alerts("cn-pipl")).isNotEmpty()
                .allSatisfy(a -> assertThat(a.getJurisdiction()).isEqualTo("cn-pipl"));
        assertThat(alerts("eu-gdpr")).isEmpty();
        FairnessLaneNodes cn = lanes.get("cn-pipl");
        Map<String, String> sinkTopics = topology.describe().subtopologies().stream()
                .flatMap(s -> s.nodes().stream())
                .filter(n -> n instanceof TopologyDescription.Sink)
                .collect(Collectors.toMap(TopologyDescription.Node::name, n -> ((TopologyDescription.Sink) n).topic()));
        assertThat(List.of(sinkTopics.get(cn.countsSink()), sinkTopics.get(cn.alertsSink())))
                .allSatisfy(topic -> assertThat(topic.split("\\.")).contains("cn-pipl"));
        assertThat(cn.storeName()).startsWith("cn-pipl.");
    }

    private void stream(String topic, double female, double male, int events, SplittableRandom random) {
        var input = driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
        for (int i = 0; i < events; i++) {
            boolean isFemale = i % 2 == 0;
            FinancialSentimentEvent event = RawEvents.financial("fin-" + i, topic.contains("cn-pipl") ? "CN" : "DE");
            event.setAccountId("subject-" + i);
            event.setGender(isFemale ? "F" : "M");
            event.setApproved(random.nextDouble() < (isFemale ? female : male));
            event.setQualified(null);
            Instant at = AT.plusMillis(100L * i);
            event.setOccurredAt(at);
            input.pipeInput(("subject-" + i).getBytes(StandardCharsets.UTF_8), producer.serialize(topic, event), at);
            driver.advanceWallClockTime(Duration.ofMillis(100));
        }
    }

    private List<FairnessAlert> alerts(String jurisdiction) {
        AvroDeserializer<FairnessAlert> deserializer = new AvroDeserializer<>(registry,
                AvroSerdeConfig.builder().specificAvroReader(true).build());
        return driver.createOutputTopic(lanes.get(jurisdiction).alertsTopic(), new StringDeserializer(),
                deserializer).readValuesToList();
    }
}
