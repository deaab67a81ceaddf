package io.lepton.gateway.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lepton.gateway.RawEvents;
import io.lepton.gateway.TestTopics;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.fairness.HoppingWindows;
import io.lepton.gateway.engine.fairness.pooled.CountDelta;
import io.lepton.gateway.engine.policy.FairnessSettings;
import io.lepton.schemas.AlertKind;
import io.lepton.schemas.AlertStatus;
import io.lepton.schemas.FairnessAlert;
import io.lepton.schemas.FinancialSentimentEvent;
import io.lepton.schemas.RecommendationEvent;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pooled fairness monitor inside the built gateway topology (router, lanes, real in-memory stores, exactly-once),
 * with the built-in eu-gdpr policy: windows PT1H/PT15M, sample gate 100 votes per group, reference group M.
 *
 * <p>The test driver runs every task as partition 0, so the other partition is played by hand: its map side's count
 * delta is written to the lane's counts topic, exactly as a second task (or instance) would write it. Each source
 * alone stays below the sample gate (90 votes per group), so an alert can only come from the pooled counts.
 */
class FairnessLaneTopologyTest {

    private static final Instant AT = RawEvents.AT;
    private static final int PER_GROUP = 90;

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final GatewayEngine engine = TestGateway.engine();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private AvroSerializer<SpecificRecord> producer;

    @BeforeEach
    void start() {
        RecordCodec codec = new RecordCodec(registry, engine.families().all());
        OutputSchemas.registerAll(engine, Lanes.of(engine), codec);
        Properties props = TestGateway.driverProperties("fairness-lane-test", stateDir);
        driver = new TopologyTestDriver(GatewayTopology.build(engine, codec, meters, 2), props, AT);
        producer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void biasedVotesOfTwoPartitionsRaiseABreachThatNeitherCouldRaiseAlone() {
        events(0.2, 0.9);
        otherPartition(0.2, 0.9);

        List<FairnessAlert> alerts = alerts("eu-gdpr");
        assertThat(alerts).isNotEmpty().allSatisfy(alert -> {
            assertThat(alert.getStatus()).isEqualTo(AlertStatus.BREACH);
            assertThat(alert.getKind()).isEqualTo(AlertKind.SEQUENTIAL);
            assertThat(alert.getAttribute()).isEqualTo("gender");
            assertThat(alert.getGroups()).containsExactly("F", "M");
            assertThat(alert.getEValue()).isGreaterThanOrEqualTo(1 / alert.getAlphaSpent());
            assertThat(alert.getSampleSizes()).as("both partitions' votes, rounded").containsEntry("F", 180L)
                    .containsEntry("M", 180L);
        });
        assertThat(alerts).extracting(FairnessAlert::getMetric).contains("disparate_impact");
        assertThat(alerts).extracting(FairnessAlert::getAlertId).doesNotHaveDuplicates();
        assertThat(gauge("lepton.fairness.group.votes", "gender", "F")).as("rounded, pooled").isEqualTo(180);
        assertThat(gauge("lepton.fairness.group.rate", "gender", "F", "rate", "selection")).isEqualTo(0.2);
    }

    @Test
    void oneSourceAloneStaysBelowTheSampleGateAndShowsNothing() {
        events(0.2, 0.9);

        assertThat(alerts("eu-gdpr")).isEmpty();
        assertThat(meters.find("lepton.fairness.group.votes").tag("attribute", "gender").gauges())
                .as("no gender reached the gate").isEmpty();
        assertThat(gauge("lepton.fairness.group.votes", "ageBand", "50-59"))
                .as("all 180 subjects are in their fifties: that group passes the gate").isEqualTo(180);
    }

    @Test
    void equalApprovalRatesOfTwoPartitionsRaiseNothing() {
        events(0.8, 0.8);
        otherPartition(0.8, 0.8);

        assertThat(alerts("eu-gdpr")).isEmpty();
        assertThat(gauge("lepton.fairness.group.votes", "gender", "M")).isEqualTo(180);
    }

    @Test
    void smallProvidersRankedBelowTheirRelevanceRaiseAnExposureBreach() {
        impressions(20, 1);

        List<FairnessAlert> alerts = alerts("eu-gdpr");
        assertThat(alerts).isNotEmpty().allSatisfy(alert -> {
            assertThat(alert.getStatus()).isEqualTo(AlertStatus.BREACH);
            assertThat(alert.getFamily()).isEqualTo("recommendation");
            assertThat(alert.getAttribute()).isEqualTo("providerGroup");
            assertThat(alert.getMetric()).isEqualTo("exposure_ratio");
            assertThat(alert.getGroups()).containsExactly("SMALL", "LARGE");
            // equal relevance, position weights 1/log2(21) against 1/log2(2): the ratio is 1/log2(21)
            assertThat(alert.getValue()).isCloseTo(Math.log(2) / Math.log(21), within(1e-5));
            assertThat(alert.getEValue()).isGreaterThanOrEqualTo(1 / alert.getAlphaSpent());
        });
        assertThat(familyGauge("lepton.fairness.group.rate", "recommendation", "providerGroup", "LARGE", "rate",
                "exposure_per_relevance")).isCloseTo(1 / 0.6, within(1e-5));
    }

    @Test
    void providersRankedAlikeRaiseNoExposureAlert() {
        impressions(3, 3);

        assertThat(alerts("eu-gdpr")).isEmpty();
        assertThat(familyGauge("lepton.fairness.group.votes", "recommendation", "providerGroup", "SMALL")).isEqualTo(300);
    }

    /**
     * 300 eu-gdpr recommendation impressions per provider group of distinct users, relevance 0.5 and 0.7 alike,
     * SMALL items at {@code smallRank} and LARGE ones at {@code largeRank}, the wall clock advancing a second per
     * four events: each map-side flush is one bet (sums of impressions are not split), 150 of them.
     */
    private void impressions(int smallRank, int largeRank) {
        var raw = driver.createInputTopic("raw.recommendation", new ByteArraySerializer(), new ByteArraySerializer());
        for (int i = 0; i < 600; i++) {
            boolean small = i % 2 == 0;
            RecommendationEvent event = RawEvents.recommendation("rank-" + i, "DE");
            event.setUserId("rank-user-" + i);
            event.setProviderGroup(small ? "SMALL" : "LARGE");
            event.setRank(small ? smallRank : largeRank);
            event.setScore(0.5 + (i / 2 % 2) / 5.0);
            Instant at = AT.plusMillis(100L * i);
            event.setOccurredAt(at);
            raw.pipeInput(event.getUserId().getBytes(StandardCharsets.UTF_8),
                    producer.serialize("raw.recommendation", event), at);
            if (i % 4 == 3) {
                driver.advanceWallClockTime(Duration.ofSeconds(1));
            }
        }
    }

    /**
     * 90 eu-gdpr financial events per gender of distinct subjects through the raw topic, approved at the given
     * rates, one every 100 ms of event time, the wall clock advancing a second per ten events (so the map side flushes
     * many times, as it would under load).
     */
    private void events(double female, double male) {
        var raw = driver.createInputTopic("raw.financial-sentiment", new ByteArraySerializer(),
                new ByteArraySerializer());
        for (int i = 0; i < 2 * PER_GROUP; i++) {
            boolean isFemale = i % 2 == 0;
            int nth = i / 2;
            FinancialSentimentEvent event = RawEvents.financial("fair-" + i, "DE");
            event.setAccountId("fair-subject-" + i);
            event.setGender(isFemale ? "F" : "M");
            event.setApproved(nth < Math.round((isFemale ? female : male) * PER_GROUP));
            event.setQualified(null);
            Instant at = AT.plusMillis(100L * i);
            event.setOccurredAt(at);
            raw.pipeInput(event.getAccountId().getBytes(StandardCharsets.UTF_8),
                    producer.serialize("raw.financial-sentiment", event), at);
            if (i % 10 == 9) {
                driver.advanceWallClockTime(Duration.ofSeconds(1));
            }
        }
    }

    /** The count delta another partition's map side writes for 90 votes per gender in the same pane. */
    private void otherPartition(double female, double male) {
        FairnessSettings settings = engine.policies().byId("eu-gdpr").orElseThrow().fairness();
        long paneMs = HoppingWindows.of(settings.windowSize(), settings.windowAdvance(), settings.grace()).paneMs();
        long pane = AT.toEpochMilli() / paneMs * paneMs;
        CountDelta delta = new CountDelta(List.of(
                new CountDelta.Row("F", pane, PER_GROUP, Math.round(female * PER_GROUP), 0, 0),
                new CountDelta.Row("M", pane, PER_GROUP, Math.round(male * PER_GROUP), 0, 0)));
        driver.createInputTopic(TestTopics.lane("eu-gdpr").fairnessCounts(), new StringSerializer(),
                new ByteArraySerializer()).pipeInput("financial-sentiment|gender", delta.toBytes(),
                AT.plusSeconds(20));
    }

    private List<FairnessAlert> alerts(String jurisdiction) {
        AvroDeserializer<FairnessAlert> deserializer = new AvroDeserializer<>(registry,
                AvroSerdeConfig.builder().specificAvroReader(true).build());
        return driver.createOutputTopic(TestTopics.alerts(jurisdiction), new StringDeserializer(), deserializer)
                .readValuesToList();
    }

    /** The eu-gdpr financial-sentiment gauge of {@code group} of {@code attribute}. */
    private double gauge(String name, String attribute, String group, String... moreTags) {
        return familyGauge(name, "financial-sentiment", attribute, group, moreTags);
    }

    private double familyGauge(String name, String family, String attribute, String group, String... moreTags) {
        Gauge gauge = meters.find(name).tags("jurisdiction", "eu-gdpr", "family", family,
                "attribute", attribute, "group", group).tags(moreTags).gauge();
        assertThat(gauge).as(name + " of " + group).isNotNull();
        return gauge.value();
    }
}
