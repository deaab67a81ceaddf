package io.lepton.gateway.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lepton.gateway.RawEvents;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.TestTopics;
import io.lepton.gateway.engine.fairness.ExposureStats;
import io.lepton.schemas.Action;
import io.lepton.schemas.AlertStatus;
import io.lepton.schemas.FairnessAlert;
import io.lepton.schemas.FinancialSentimentEvent;
import io.lepton.schemas.RecommendationEvent;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fairness monitor inside the real gateway topology, with the built-in policies (eu-gdpr: hopping windows of
 * PT1H advancing PT15M, grace PT5M, at least 100 events per group, 95 % intervals, four-fifths rule).
 *
 * <p>Biased streams use a deterministic decision pattern (the k-th event of a group with rate p is approved when
 * ⌊(k+1)p⌋ > ⌊kp⌋), so every prefix of a group has its rate within 1/k of p and the alert's value is known within
 * a small tolerance whenever the monitor decides to raise it.
 */
class FairnessMonitorTopologyTest {

    /** 10:15:30Z: the events below fall in the windows starting 09:30, 09:45, 10:00 and 10:15. */
    private static final Instant AT = RawEvents.AT;
    private static final Instant NEWEST_WINDOW = Instant.parse("2026-11-24T10:15:00Z");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final GatewayEngine engine = TestGateway.engine();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private AvroSerializer<SpecificRecord> producer;

    @BeforeEach
    void start() {
        RecordCodec codec = new RecordCodec(registry, engine.families().all());
        OutputSchemas.registerAll(engine, Lanes.of(engine), codec);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "fairness-monitor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(GatewayTopology.build(engine, codec, meters, 2), props, AT);
        producer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void approvalRatesOf55Versus80PercentRaiseOneDisparateImpactAlertForTheWindow() {
        approvals(Instant.parse("2026-11-24T10:15:30Z"), 1000, 550, 1000, 800);

        List<FairnessAlert> alerts = alerts();
        List<FairnessAlert> disparateImpact = alerts.stream().filter(a -> a.getMetric().equals("disparate_impact"))
                .toList();
        assertThat(disparateImpact).hasSize(1);
        FairnessAlert alert = disparateImpact.get(0);
        assertThat(alert.getStatus()).isEqualTo(AlertStatus.BREACH);
        assertThat(alert.getJurisdiction()).isEqualTo("eu-gdpr");
        assertThat(alert.getFamily()).isEqualTo("financial-sentiment");
        assertThat(alert.getAttribute()).isEqualTo("gender");
        assertThat(alert.getGroups()).containsExactly("F", "M");
        // the pattern keeps each group's prefix rate within 1/k of its target; with k >= 100 per group at the
        // first significant evaluation the ratio 0.55/0.80 = 0.6875 is off by at most ~0.02
        assertThat(alert.getValue()).isCloseTo(0.6875, within(0.02));
        assertThat(alert.getCiHigh()).isLessThan(0.8);
        assertThat(alert.getCiLow()).isLessThan(alert.getValue());
        assertThat(alert.getThreshold()).isEqualTo(0.8);
        assertThat(alert.getWindowStart()).isEqualTo(NEWEST_WINDOW);
        assertThat(alert.getWindowEnd()).isEqualTo(NEWEST_WINDOW.plus(Duration.ofHours(1)));
        assertThat(alert.getSampleSizes()).containsOnlyKeys("F", "M");
        assertThat(alert.getSampleSizes().values()).allSatisfy(n -> assertThat(n).isBetween(100L, 1000L));
        assertThat(alert.getPolicyVersion()).isEqualTo(engine.policies().byId("eu-gdpr").orElseThrow().version());
        assertThat(alerts).extracting(FairnessAlert::getMetric)
                .containsExactlyInAnyOrder("disparate_impact", "demographic_parity_difference");
        assertThat(alerts).allSatisfy(a -> assertThat(a.getStatus()).isEqualTo(AlertStatus.BREACH));
    }

    /** Seed fixed; with p = 0.8 in both groups the disparate-impact interval is centred near 1, nowhere near 0.8. */
    @Test
    void aBalancedStreamOfTheSameSizeRaisesNoAlert() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            produce(financial(i, i % 2 == 0 ? "F" : "M", random.nextDouble() < 0.8, AT.plusMillis(100L * i)));
        }
        assertThat(alerts()).isEmpty();
        assertThat(gauge("disparate_impact")).isBetween(0.85, 1.0);
    }

    @Test
    void aBiasedStreamBelowTheMinimumSampleSizeRaisesNoAlert() {
        approvals(AT, 80, 44, 1920, 1536);
        assertThat(alerts()).isEmpty();
        // the small group's prefix rate is within 1/79 of 0.55 at the last evaluation, so the ratio within ~0.02
        assertThat(gauge("disparate_impact")).as("the value is still reported").isCloseTo(0.6875, within(0.02));
    }

    @Test
    void theAlertClearsInALaterWindowOnceRatesAreBalancedAgain() {
        approvals(AT, 1000, 550, 1000, 800);
        Instant later = Instant.parse("2026-11-24T11:20:00Z");
        approvals(later, 1000, 800, 1000, 800);

        List<FairnessAlert> disparateImpact = alerts().stream()
                .filter(a -> a.getMetric().equals("disparate_impact")).toList();
        assertThat(disparateImpact).extracting(FairnessAlert::getStatus)
                .containsExactly(AlertStatus.BREACH, AlertStatus.CLEARED);
        assertThat(disparateImpact.get(1).getWindowStart()).isEqualTo(Instant.parse("2026-11-24T11:15:00Z"));
        assertThat(counter("disparate_impact", "CLEARED")).isEqualTo(1.0);
    }

    @Test
    void eventsBeyondGraceAreCountedAndIgnored() {
        approvals(AT, 10, 5, 10, 8);
        produce(financial(99, "F", true, Instant.parse("2026-11-24T12:00:00Z")));
        produce(financial(100, "F", false, AT));
        assertThat(meters.find("lepton.fairness.late.events").tags("jurisdiction", "eu-gdpr").counter().count())
                .isEqualTo(1.0);
    }

    /**
     * LARGE providers' items are shown at ranks 1 and 2, SMALL providers' at 5 and 6, all with the same relevance:
     * SMALL gets far less exposure per unit of relevance, so the Singh &amp; Joachims ratio breaches 0.8.
     */
    @Test
    void rankingExposureOfAProviderGroupBelowItsShareOfRelevanceRaisesAnExposureAlert() {
        for (int i = 0; i < 800; i++) {
            boolean large = i % 2 == 0;
            RecommendationEvent event = RawEvents.recommendation("rec-" + i, "DE");
            event.setProviderGroup(large ? "LARGE" : "SMALL");
            event.setRank(large ? 1 + (i / 2) % 2 : 5 + (i / 2) % 2);
            event.setScore(0.8);
            event.setAction(Action.IMPRESSION);
            event.setOccurredAt(AT.plusMillis(100L * i));
            produce(event);
        }
        double small = (ExposureStats.positionWeight(5) + ExposureStats.positionWeight(6)) / 2;
        double large = (ExposureStats.positionWeight(1) + ExposureStats.positionWeight(2)) / 2;

        List<FairnessAlert> alerts = alerts();
        assertThat(alerts).hasSize(1);
        FairnessAlert alert = alerts.get(0);
        assertThat(alert.getMetric()).isEqualTo("exposure_ratio");
        assertThat(alert.getFamily()).isEqualTo("recommendation");
        assertThat(alert.getAttribute()).isEqualTo("providerGroup");
        assertThat(alert.getGroups()).containsExactly("SMALL", "LARGE");
        // an odd count in a group shifts its mean weight by at most half a rank step over >= 100 impressions
        assertThat(alert.getValue()).isCloseTo(small / large, within(0.01));
        assertThat(alert.getCiHigh()).isLessThan(0.8);
        assertThat(meters.find("lepton.fairness.group.rate").tags("family", "recommendation", "group", "SMALL",
                "rate", "exposure_share").gauge().value()).isCloseTo(small / (small + large), within(0.01));
    }

    @Test
    void gaugesShowEveryMetricAndGroupWithBoundedLabels() {
        approvals(AT, 1000, 550, 1000, 800);
        assertThat(gauge("disparate_impact")).isCloseTo(0.6875, within(0.005));
        assertThat(gauge("demographic_parity_difference")).isCloseTo(0.25, within(0.005));
        assertThat(meters.find("lepton.fairness.group.rate").tags("jurisdiction", "eu-gdpr", "attribute", "gender",
                "group", "F", "rate", "selection").gauge().value()).isCloseTo(0.55, within(0.005));
        assertThat(counter("disparate_impact", "BREACH")).isEqualTo(1.0);
        assertThat(meters.find("lepton.fairness.metric").gauges()).allSatisfy(g -> assertThat(g.getId().getTags())
                .extracting(io.micrometer.core.instrument.Tag::getKey)
                .containsExactlyInAnyOrder("jurisdiction", "family", "attribute", "metric", "partition"));
    }

    /** Two interleaved groups F and M in eu-gdpr (DE), 100 ms apart, approved by the deterministic pattern. */
    private void approvals(Instant from, int femaleEvents, int femaleApproved, int maleEvents, int maleApproved) {
        int total = femaleEvents + maleEvents;
        int f = 0;
        int m = 0;
        for (int i = 0; i < total; i++) {
            // interleave in proportion to the group sizes
            boolean female = (long) f * total < (long) femaleEvents * (i + 1) && f < femaleEvents;
            Instant at = from.plusMillis(100L * i);
            if (female) {
                produce(financial(i, "F", pattern(f++, femaleApproved, femaleEvents), at));
            } else {
                produce(financial(i, "M", pattern(m++, maleApproved, maleEvents), at));
            }
        }
    }

    private static boolean pattern(int k, int approved, int events) {
        return (long) (k + 1) * approved / events > (long) k * approved / events;
    }

    private static FinancialSentimentEvent financial(int i, String gender, boolean approved, Instant at) {
        FinancialSentimentEvent event = RawEvents.financial("fin-" + i, "DE");
        event.setGender(gender);
        event.setApproved(approved);
        event.setQualified(null);
        event.setOccurredAt(at);
        return event;
    }

    private void produce(SpecificRecord event) {
        String topic = RawEvents.topicOf(event);
        Instant at = (Instant) event.get(event.getSchema().getField("occurredAt").pos());
        driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer())
                .pipeInput("subject".getBytes(StandardCharsets.UTF_8), producer.serialize(topic, event), at);
    }

    private List<FairnessAlert> alerts() {
        AvroDeserializer<FairnessAlert> deserializer = new AvroDeserializer<>(registry,
                AvroSerdeConfig.builder().specificAvroReader(true).build());
        return driver.createOutputTopic(TestTopics.alerts("eu-gdpr"), new StringDeserializer(), deserializer)
                .readValuesToList();
    }

    private double gauge(String metric) {
        return meters.find("lepton.fairness.metric").tags("jurisdiction", "eu-gdpr", "family", "financial-sentiment",
                "attribute", "gender", "metric", metric).gauge().value();
    }

    private double counter(String metric, String status) {
        return meters.find("lepton.fairness.alerts").tags("jurisdiction", "eu-gdpr", "metric", metric,
                "status", status).counter().count();
    }
}
