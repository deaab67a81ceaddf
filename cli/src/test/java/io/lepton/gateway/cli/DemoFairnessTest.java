package io.lepton.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.LaneTopics;
import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.gateway.engine.routing.JurisdictionRouter;
import io.lepton.gateway.streams.RecordCodec;
import io.lepton.gateway.streams.fairness.FairnessMeters;
import io.lepton.gateway.streams.fairness.PooledFairnessStage;
import io.lepton.loadtest.generator.BiasConfig;
import io.lepton.loadtest.generator.EventGenerator;
import io.lepton.loadtest.generator.GeneratorConfig;
import io.lepton.loadtest.generator.SyntheticRecord;
import io.lepton.schemas.AlertStatus;
import io.lepton.schemas.FairnessAlert;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * The demo's fairness promise, independent of how fast this machine runs the whole gateway: the demo generator
 * (default seed, rate and injected bias {@code eu-gdpr:gender:F:0.55:0.80}) drives every lane's real
 * {@link PooledFairnessStage} under the demo policies ({@link DemoPolicies}: 30 s windows, gate 50) on Kafka Streams'
 * in-memory stores, in event time. Within the first half minute of traffic eu-gdpr raises a gender BREACH, and over
 * three minutes nothing else raises an alert: no other attribute, family, metric (the generator ranks items of both
 * provider groups alike, so no exposure alert either) or jurisdiction. Half a minute, not the whole promised one: the
 * live demo adds the time the whole gateway takes to process the events (map-side flushes every 500 ms, two
 * exactly-once hops, the summary every 5 s), and on a loaded machine it falls behind the generator.
 */
class DemoFairnessTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final double RATE = 400;
    private static final Duration RUN = Duration.ofMinutes(3);
    private static final Duration RAISED_WITHIN = Duration.ofSeconds(30);

    private final EventFamilies families = EventFamilies.discover();
    private final PolicySet policies = DemoPolicies.derive(PolicySet.builtIn(PiiCatalog.knownClasses(families)));
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final RecordCodec codec = new RecordCodec(registry, families.all());
    /** Decodes a raw event of any family with its writer schema, as the router does before the lanes. */
    private final AvroDeserializer<GenericRecord> rawReader = new AvroDeserializer<>(registry,
            AvroSerdeConfig.defaults());

    @Test
    void theInjectedGenderBiasIsRaisedWithinAMinuteAndNothingElseIsRaised() {
        Topology topology = new Topology();
        List<String> alertTopics = new ArrayList<>();
        for (JurisdictionPolicy policy : policies.all()) {
            LaneTopics topics = LaneTopics.of(policy);
            PooledFairnessStage.of(policy, families.all(), topics).ifPresent(stage -> {
                Map<EventFamily, List<String>> parents = new HashMap<>();
                for (EventFamily family : families.all()) {
                    String source = "in." + policy.id() + "." + family.name();
                    topology.addSource(source, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                            input(policy, family));
                    parents.put(family, List.of(source));
                }
                codec.registerValueSchema(topics.fairnessAlerts(), FairnessAlert.getClassSchema());
                stage.<byte[]>addTo(topology, parents, bytes -> rawReader.deserialize("raw", bytes),
                        (family, event) -> OptionalLong.of(family.occurredAt(event)),
                        codec.avroSerializer(), new FairnessMeters(new SimpleMeterRegistry()));
                alertTopics.add(topics.fairnessAlerts());
            });
        }
        assertThat(alertTopics).as("the demo policies monitor every jurisdiction").hasSize(policies.all().size());

        List<TestRecord<String, FairnessAlert>> records = new ArrayList<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, streamsConfig(), T0)) {
            generate(driver);
            AvroDeserializer<FairnessAlert> reader = new AvroDeserializer<>(registry,
                    AvroSerdeConfig.builder().specificAvroReader(true).build());
            for (String topic : alertTopics) {
                records.addAll(driver.createOutputTopic(topic, new StringDeserializer(), reader).readRecordsToList());
            }
        }
        List<FairnessAlert> alerts = records.stream().map(TestRecord::value).toList();

        assertThat(alerts).as("only the injected bias").isNotEmpty().allSatisfy(alert -> {
            assertThat(alert.getJurisdiction()).isEqualTo("eu-gdpr");
            assertThat(alert.getAttribute()).isEqualTo("gender");
            assertThat(alert.getGroups()).containsExactly("F", "M");
        });
        Instant firstBreach = records.stream().filter(r -> r.value().getStatus() == AlertStatus.BREACH)
                .map(TestRecord::getRecordTime).min(Instant::compareTo).orElseThrow();
        assertThat(Duration.between(T0, firstBreach)).as("raised (alert record time) within the first half minute")
                .isLessThanOrEqualTo(RAISED_WITHIN);
    }

    /**
     * The generator's records in event time at {@link #RATE} per second, each well-formed event routed by its region
     * as the gateway's router would route it; the wall clock advances with event time, so map sides flush every
     * {@link io.lepton.gateway.streams.fairness.PartialCountProcessor#FLUSH_INTERVAL} as they do live.
     */
    private void generate(TopologyTestDriver driver) {
        MutableClock clock = new MutableClock(T0);
        EventGenerator generator = new EventGenerator(new GeneratorConfig(42, GeneratorConfig.DEFAULT_POPULATION,
                GeneratorConfig.DEFAULT_MALFORMED_FRACTION, BiasConfig.DEFAULT), clock);
        JurisdictionRouter router = new JurisdictionRouter(policies);
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
        Map<String, TestInputTopic<byte[], byte[]>> inputs = new HashMap<>();
        long stepMicros = Math.round(1_000_000 / RATE);
        long events = RUN.toSeconds() * (long) RATE;
        long elapsedMicros = 0;
        for (long i = 0; i < events; i++) {
            elapsedMicros += stepMicros;
            long previousMillis = clock.millis();
            clock.set(T0.plusNanos(elapsedMicros * 1_000));
            if (clock.millis() / 50 != previousMillis / 50) {
                driver.advanceWallClockTime(Duration.ofMillis(50));
            }
            if (!(generator.next() instanceof SyntheticRecord.Event event) || event.malformed() != null) {
                continue;
            }
            EventFamily family = families.byName(event.family()).orElseThrow();
            String region = String.valueOf(((GenericRecord) event.value()).get("region"));
            router.route(region).ifPresent(policy -> {
                String topic = input(policy, family);
                inputs.computeIfAbsent(topic, t -> driver.createInputTopic(t, new ByteArraySerializer(),
                        new ByteArraySerializer())).pipeInput(event.key().getBytes(StandardCharsets.UTF_8),
                        serializer.serialize(family.rawTopic(), event.value()), clock.instant());
            });
        }
        driver.advanceWallClockTime(Duration.ofSeconds(1));
    }

    private static String input(JurisdictionPolicy policy, EventFamily family) {
        return "demo-fairness." + policy.id() + "." + family.name();
    }

    private static Properties streamsConfig() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "demo-fairness-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return props;
    }

    /** A clock the test moves: the generator stamps each event with the current reading. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
