package io.lepton.gateway.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.RawEvents;
import io.lepton.gateway.TestTopics;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.QuarantineReason;
import io.lepton.gateway.engine.dp.BudgetTime;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.serdes.WireFormat;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input through the whole topology: each case of {@link HostileInputs} lands in exactly the topic it must,
 * with its reason header, and nowhere else; then a seeded fuzz run of thousands of mutated records, each of which
 * must come out exactly once, either released or quarantined with a reason of {@link QuarantineReason}, never through
 * the processing-error path, never with a tagged value in a released record. A plain Avro decoder is the oracle for
 * the bytes: what it cannot read must be quarantined as undecodable.
 */
class HostileInputTopologyTest {

    private static final Instant AT = RawEvents.AT;
    private static final int FUZZ_RECORDS = 1_500;

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** The production event-time window, on a clock fixed at the test's instant. */
    private final GatewayEngine engine = GatewayEngine.create(TestGateway.POLICIES, TestGateway.FAMILIES,
            TestGateway.gatewayKeys(), BudgetTime.window(Clock.fixed(AT, ZoneOffset.UTC)), new SecureRandomBits());
    private final AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry,
            AvroSerdeConfig.defaults());
    private final Map<String, GenericDatumReader<Object>> readers = new java.util.HashMap<>();
    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private Map<String, TestOutputTopic<byte[], byte[]>> outputs;

    @BeforeEach
    void start() {
        RecordCodec codec = new RecordCodec(registry, engine.families().all());
        OutputSchemas.registerAll(engine, Lanes.of(engine), codec);
        Properties props = TestGateway.driverProperties("hostile-input-test", stateDir);
        driver = new TopologyTestDriver(GatewayTopology.build(engine, codec, meters, 2), props, AT);
        outputs = new java.util.TreeMap<>();
        for (String topic : GatewayTopics.eventOutputs(engine)) {
            if (!topic.startsWith("privacy.audit.")) {
                outputs.put(topic, driver.createOutputTopic(topic, new ByteArrayDeserializer(),
                        new ByteArrayDeserializer()));
            }
        }
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void eachHostileRecordLandsOnlyWhereItMustWithItsReason() {
        for (HostileInputs.Case hostile : new HostileInputs(serializer, AT).all()) {
            Map<String, List<TestRecord<byte[], byte[]>>> out = pipe(hostile.topic(), hostile.key(), hostile.value());
            assertThat(out).as(hostile.name()).containsOnlyKeys(hostile.expectedTopic());
            TestRecord<byte[], byte[]> record = out.get(hostile.expectedTopic()).get(0);
            assertThat(out.get(hostile.expectedTopic())).as(hostile.name()).hasSize(1);
            if (hostile.reason() == null) {
                assertThat(header(record, QuarantineHeaders.REASON)).as(hostile.name()).isNull();
            } else {
                assertThat(header(record, QuarantineHeaders.REASON)).as(hostile.name())
                        .isEqualTo(hostile.reason().headerValue());
                assertThat(header(record, QuarantineHeaders.DETAIL)).as(hostile.name()).contains(hostile.detailPart());
                assertThat(record.value()).as(hostile.name() + ": the raw bytes are kept").isEqualTo(hostile.value());
            }
        }
        assertThat(meters.find("lepton.processing.errors").counter()).as("no record took the failure path").isNull();
    }

    @Test
    void aDuplicateEventIdIsReleasedTwiceWithTheSameValue() {
        byte[] event = new HostileInputs(serializer, AT).customer("duplicate", "DE", e -> { });
        byte[] first = released(pipe(HostileInputs.CS, "k".getBytes(StandardCharsets.UTF_8), event));
        byte[] second = released(pipe(HostileInputs.CS, "k".getBytes(StandardCharsets.UTF_8), event));
        assertThat(second).as("noise is keyed by event id, so a retry reveals nothing new").isEqualTo(first);
    }

    @Test
    void thousandsOfMutatedRecordsEachComeOutOnceAndNeverThroughTheFailurePath() throws IOException {
        SplittableRandom random = new SplittableRandom(16_2026L);
        String[] regions = {"DE", "FR", "US-CA", "CN", "BR", "IN", "SG", "JP", "de"};
        String[] topics = {HostileInputs.CS, HostileInputs.FIN, HostileInputs.REC};
        Map<QuarantineReason, Integer> reasons = new EnumMap<>(QuarantineReason.class);
        int released = 0;
        int oracleRejected = 0;
        for (int n = 0; n < FUZZ_RECORDS; n++) {
            String topic = topics[random.nextInt(topics.length)];
            SpecificRecord event = event(topic, "fuzz-" + n, regions[random.nextInt(regions.length)]);
            byte[] value = mutate(serializer.serialize(topic, event), random);
            boolean plainAvroReads = plainAvroReads(value, event.getSchema());
            oracleRejected += plainAvroReads ? 0 : 1;

            Map<String, List<TestRecord<byte[], byte[]>>> out = pipe(topic, ("key-" + n).getBytes(
                    StandardCharsets.UTF_8), value);
            List<TestRecord<byte[], byte[]>> all = out.values().stream().flatMap(List::stream).toList();
            assertThat(all).as("record %d comes out exactly once: %s", n, out.keySet()).hasSize(1);
            TestRecord<byte[], byte[]> record = all.get(0);
            String reason = header(record, QuarantineHeaders.REASON);
            if (reason == null) {
                released++;
                assertThat(plainAvroReads).as("record %d released but not decodable by plain Avro", n).isTrue();
                String text = new String(record.value(), StandardCharsets.UTF_8);
                assertThat(text).as("record %d", n).doesNotContain(RawEvents.TAGGED_VALUES);
            } else {
                QuarantineReason known = Arrays.stream(QuarantineReason.values())
                        .filter(r -> r.headerValue().equals(reason)).findFirst()
                        .orElseThrow(() -> new AssertionError("unknown reason " + reason));
                reasons.merge(known, 1, Integer::sum);
                assertThat(known).as("record %d", n).isNotEqualTo(QuarantineReason.PROCESSING_ERROR);
                if (!plainAvroReads) {
                    assertThat(known).as("record %d: plain Avro cannot read it", n)
                            .isEqualTo(QuarantineReason.UNDECODABLE);
                }
            }
        }
        assertThat(meters.find("lepton.processing.errors").counter()).as("no record took the failure path").isNull();
        // The mutations must reach both outcomes in bulk, or the run proves little.
        assertThat(released).as("released").isGreaterThan(FUZZ_RECORDS / 10);
        assertThat(reasons.getOrDefault(QuarantineReason.UNDECODABLE, 0)).isGreaterThan(FUZZ_RECORDS / 4);
        assertThat(oracleRejected).isGreaterThan(FUZZ_RECORDS / 10);
    }

    private SpecificRecord event(String topic, String id, String region) {
        SpecificRecord event = switch (topic) {
            case HostileInputs.CS -> RawEvents.customerService(id, region);
            case HostileInputs.FIN -> RawEvents.financial(id, region);
            default -> RawEvents.recommendation(id, region);
        };
        // A subject of its own, so no privacy budget withholds a record of the run.
        event.put(event.getSchema().getField(switch (topic) {
            case HostileInputs.CS -> "customerId";
            case HostileInputs.FIN -> "accountId";
            default -> "userId";
        }).pos(), "subject-" + id);
        return event;
    }

    /** One of the ways a producer or the wire breaks a record; one record in eight stays intact as a control. */
    private byte[] mutate(byte[] value, SplittableRandom random) {
        int at = random.nextInt(value.length);
        return switch (random.nextInt(8)) {
            case 0 -> value;
            case 1 -> {
                byte[] flipped = value.clone();
                flipped[at] ^= (byte) (1 << random.nextInt(8));
                yield flipped;
            }
            case 2 -> {
                byte[] set = value.clone();
                set[at] = (byte) random.nextInt(256);
                yield set;
            }
            case 3 -> Arrays.copyOf(value, at);
            case 4 -> {
                byte[] longer = Arrays.copyOf(value, value.length + 1 + random.nextInt(8));
                for (int i = value.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt(256);
                }
                yield longer;
            }
            case 5 -> {
                byte[] shorter = new byte[value.length - 1];
                System.arraycopy(value, 0, shorter, 0, at);
                System.arraycopy(value, at + 1, shorter, at, value.length - at - 1);
                yield shorter;
            }
            case 6 -> {
                byte[] inserted = new byte[value.length + 1];
                System.arraycopy(value, 0, inserted, 0, at);
                inserted[at] = (byte) random.nextInt(256);
                System.arraycopy(value, at, inserted, at + 1, value.length - at);
                yield inserted;
            }
            default -> {
                // A header pointing at another schema id, e.g. another family's.
                byte[] renumbered = value.clone();
                renumbered[WireFormat.HEADER_SIZE - 1] = (byte) random.nextInt(1, 8);
                yield renumbered;
            }
        };
    }

    /**
     * The oracle: Apache Avro's own decoder, the writer schema looked up by the id in the header, the reader the
     * event's raw schema; a record is readable only if it decodes with no byte left over.
     */
    private boolean plainAvroReads(byte[] value, Schema reader) throws IOException {
        if (value.length < WireFormat.HEADER_SIZE || value[0] != 0) {
            return false;
        }
        int id = java.nio.ByteBuffer.wrap(value, 1, 4).getInt();
        Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (RuntimeException unknown) {
            return false;
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(value, WireFormat.HEADER_SIZE,
                    value.length - WireFormat.HEADER_SIZE, null);
            readers.computeIfAbsent(id + "/" + reader.getFullName(), k -> new GenericDatumReader<>(writer, reader)).read(null, decoder);
            return decoder.isEnd();
        } catch (RuntimeException | IOException | OutOfMemoryError e) {
            return false;
        }
    }

    private Map<String, List<TestRecord<byte[], byte[]>>> pipe(String topic, byte[] key, byte[] value) {
        driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer(), AT, Duration.ZERO)
                .pipeInput(key, value);
        Map<String, List<TestRecord<byte[], byte[]>>> out = new java.util.TreeMap<>();
        outputs.forEach((name, output) -> {
            List<TestRecord<byte[], byte[]>> records = output.readRecordsToList();
            if (!records.isEmpty()) {
                out.put(name, records);
            }
        });
        return out;
    }

    private static byte[] released(Map<String, List<TestRecord<byte[], byte[]>>> out) {
        String topic = TestTopics.sanitized("eu-gdpr", "customer-service");
        assertThat(out).containsOnlyKeys(topic);
        assertThat(out.get(topic)).hasSize(1);
        return out.get(topic).get(0).value();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
