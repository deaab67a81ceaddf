package io.lepton.gateway.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.RawEvents;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.LaneTopics;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.AggregateSettings;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DP aggregates as the lanes wire them, on the full gateway topology (TopologyTestDriver, exactly-once, fixed
 * timestamps): where a closed window goes, that it goes once, and what a restart does. A restart is a new driver
 * whose aggregate store is restored from the changelog the previous driver wrote, as Kafka Streams restores a task
 * on a new instance; the driver itself wipes its state directory on close.
 */
class DpAggregateLaneTest {

    private static final String APPLICATION_ID = "dp-aggregate-lane-test";
    /** 2026-11-24T10:00:00Z: the start of the hourly window the test events fall in. */
    private static final Instant WINDOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final int SUBJECTS = 100;
    private static final List<String> CS_METRICS = List.of("messages", "customers", "escalation-rate",
            "mean-satisfaction");

    @TempDir
    Path stateDir;

    private final GatewayEngine engine = TestGateway.engine();
    private final EventFamily customerService = engine.families().byName("customer-service").orElseThrow();
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final RecordCodec codec = new RecordCodec(registry, engine.families().all());
    private final AvroSerializer<SpecificRecord> producer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
    private final AvroDeserializer<GenericRecord> consumer = new AvroDeserializer<>(registry,
            AvroSerdeConfig.defaults());

    DpAggregateLaneTest() {
        OutputSchemas.registerAll(engine, Lanes.of(engine), codec);
    }

    @Test
    void aClosedWindowIsReleasedOnceToTheGlobalTopicForAggregatesOnlyAndInZoneForNone() {
        String global = LaneTopics.crossBorderAggregates(customerService);
        String inZone = lane("cn-pipl").aggregates(customerService);
        assertThat(lane("eu-gdpr").aggregates(customerService)).isEqualTo(global);
        try (TopologyTestDriver driver = driver()) {
            window(driver, "DE", "de");
            window(driver, "CN", "cn");
            assertThat(driver.producedTopicNames()).as("nothing released before the window closes")
                    .doesNotContain(global, inZone);

            close(driver, 0, "DE", "CN");
            List<GenericRecord> eu = releases(driver, global);
            List<GenericRecord> pipl = releases(driver, inZone);
            assertThat(eu).extracting(r -> r.get("metric").toString()).containsExactlyInAnyOrderElementsOf(CS_METRICS);
            assertThat(eu).extracting(r -> r.get("jurisdiction").toString()).containsOnly("eu-gdpr");
            assertThat(eu).extracting(r -> r.get("windowStart")).containsOnly(WINDOW.toEpochMilli());
            assertThat(pipl).extracting(r -> r.get("metric").toString())
                    .containsExactlyInAnyOrderElementsOf(CS_METRICS);
            assertThat(pipl).extracting(r -> r.get("jurisdiction").toString()).containsOnly("cn-pipl");
            assertThat(driver.producedTopicNames()).as("a none lane never writes a cross-border name")
                    .doesNotContain("dp-aggregates.eu-gdpr.customer-service");
            assertThat(eu).filteredOn(r -> r.get("metric").toString().equals("customers"))
                    .singleElement().satisfies(r -> assertThat((Double) r.get("value"))
                            .as("noisy distinct customers near the %d + 2 ticks sent", SUBJECTS)
                            .isBetween(SUBJECTS - 40.0, SUBJECTS + 40.0));

            // Late events of the released window and later traffic: window 10:00 is never released again.
            window(driver, "DE", "de-late");
            close(driver, 1, "DE");
            close(driver, 2, "DE");
            assertThat(releases(driver, global)).as("no second release of a closed window").isEmpty();
        }
    }

    @Test
    void aRestartAfterTheReleaseDoesNotReleaseAgainAndOneBeforeItReleasesIdenticalValues() {
        String global = LaneTopics.crossBorderAggregates(customerService);
        String changelog = APPLICATION_ID + "-" + "eu-gdpr.aggregates-state.customer-service" + "-changelog";
        List<KeyValue<byte[], byte[]>> beforeClose;
        List<KeyValue<byte[], byte[]>> afterClose;
        List<GenericRecord> first;
        try (TopologyTestDriver driver = driver()) {
            window(driver, "DE", "de");
            beforeClose = changelog(driver, changelog);
            close(driver, 0, "DE");
            first = releases(driver, global);
            afterClose = changelog(driver, changelog);
        }
        assertThat(first).hasSize(CS_METRICS.size());
        assertThat(beforeClose).as("the window state is changelogged").isNotEmpty();

        // Crash after processing the window but before the release committed: the restored state still holds the
        // window, the same closing input arrives again, and the release is drawn from the same keyed noise.
        try (TopologyTestDriver driver = driver()) {
            restore(driver, beforeClose);
            close(driver, 0, "DE");
            assertThat(releases(driver, global)).as("re-released identically, never a fresh draw")
                    .containsExactlyInAnyOrderElementsOf(first);
        }

        // Restart after the release committed: the watermark came back with the state; nothing is released twice.
        try (TopologyTestDriver driver = driver()) {
            restore(driver, beforeClose);
            restore(driver, afterClose);
            close(driver, 0, "DE");
            window(driver, "DE", "de-after-restart");
            close(driver, 1, "DE");
            assertThat(releases(driver, global)).isEmpty();
        }
    }

    @Test
    void aPolicyWithoutAggregatesHasNoAggregateNodesTopicsOrSchemas() {
        JurisdictionPolicy eu = engine.policies().byId("eu-gdpr").orElseThrow();
        JurisdictionPolicy bare = new JurisdictionPolicy(eu.id(), eu.name(), eu.version(), eu.regions(),
                eu.residencyZone(), eu.crossBorder(), eu.pseudonymKeyId(), eu.subjectIdentity(), eu.actions(),
                eu.defaultAction(), eu.freeText(), eu.dp(), eu.fairness(), eu.source(), AggregateSettings.none());
        JurisdictionLane withAggregates = new JurisdictionLane(eu, engine.families().all());
        JurisdictionLane without = new JurisdictionLane(bare, engine.families().all());
        String topic = LaneTopics.crossBorderAggregates(customerService);
        assertThat(withAggregates.outputTopics()).contains(topic);
        assertThat(withAggregates.internalTopics()).contains("dp-contributions.eu-gdpr.customer-service");
        assertThat(withAggregates.valueSchemas(engine)).containsKey(topic);
        assertThat(without.outputTopics()).noneMatch(t -> t.startsWith(LaneTopics.Kind.AGGREGATES.prefix()));
        assertThat(without.internalTopics()).as("the fairness counts only").containsExactly("fairness.counts.eu-gdpr");
        assertThat(without.valueSchemas(engine)).doesNotContainKey(topic);
        assertThat(without.nodes()).noneMatch(node -> node.contains("aggregates"));
        assertThat(without.stores()).noneMatch(store -> store.contains("aggregates"));
    }

    private TopologyTestDriver driver() {
        Properties props = TestGateway.driverProperties(APPLICATION_ID, stateDir);
        return new TopologyTestDriver(GatewayTopology.build(engine, codec, new SimpleMeterRegistry(), 2), props,
                WINDOW);
    }

    private LaneTopics lane(String jurisdiction) {
        return Lanes.of(engine).byId(jurisdiction).orElseThrow().topics();
    }

    /** One event per subject in the 10:00 window, all in group BILLING. */
    private void window(TopologyTestDriver driver, String region, String prefix) {
        for (int s = 0; s < SUBJECTS; s++) {
            produce(driver, event(prefix + "-" + s, prefix + "-subject-" + s, region,
                    WINDOW.plusSeconds(60 + s * 10L), s % 5 + 1));
        }
    }

    /**
     * Per region two events past the end plus the 5-minute grace of the window {@code hour} hours after the test's:
     * the first moves each aggregate's clock past the close, the second moves stream time on so that the next
     * stream-time punctuation runs (the driver runs every node in one task, with one stream time).
     */
    private void close(TopologyTestDriver driver, int hour, String... regions) {
        Instant end = WINDOW.plus(Duration.ofHours(1 + hour));
        for (int tick = 0; tick < 2; tick++) {
            for (String region : regions) {
                produce(driver, event(region + "-tick-" + hour + "-" + tick, region + "-ticker", region,
                        end.plusSeconds(360 + 60L * tick), 3));
            }
        }
    }

    private static CustomerServiceEvent event(String id, String subject, String region, Instant at,
            int satisfaction) {
        CustomerServiceEvent event = RawEvents.customerService(id, region);
        event.setCustomerId(subject);
        event.setOccurredAt(at);
        event.setSatisfaction(satisfaction);
        return event;
    }

    private void produce(TopologyTestDriver driver, CustomerServiceEvent event) {
        String topic = RawEvents.topicOf(event);
        TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(topic, new ByteArraySerializer(),
                new ByteArraySerializer());
        raw.pipeInput(event.getCustomerId().getBytes(StandardCharsets.UTF_8), producer.serialize(topic, event),
                event.getOccurredAt());
    }

    /** The releases on {@code topic}; each keyed by its series, which starts with its jurisdiction. */
    private List<GenericRecord> releases(TopologyTestDriver driver, String topic) {
        List<GenericRecord> releases = new ArrayList<>();
        for (KeyValue<byte[], byte[]> record : driver.createOutputTopic(topic, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()).readKeyValuesToList()) {
            GenericRecord release = consumer.deserialize(topic, record.value);
            assertThat(new String(record.key, StandardCharsets.UTF_8)).startsWith(release.get("jurisdiction") + "/"
                    + release.get("aggregate") + "/" + release.get("metric") + "/");
            releases.add(release);
        }
        return releases;
    }

    private static List<KeyValue<byte[], byte[]>> changelog(TopologyTestDriver driver, String topic) {
        return new ArrayList<>(driver.createOutputTopic(topic, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()).readKeyValuesToList());
    }

    /** Applies changelog records to the store, in order, as a restoring task does. */
    private static void restore(TopologyTestDriver driver, List<KeyValue<byte[], byte[]>> records) {
        KeyValueStore<Bytes, byte[]> store = driver.getKeyValueStore("eu-gdpr.aggregates-state.customer-service");
        for (KeyValue<byte[], byte[]> record : records) {
            if (record.value == null) {
                store.delete(Bytes.wrap(record.key));
            } else {
                store.put(Bytes.wrap(record.key), record.value);
            }
        }
    }
}
