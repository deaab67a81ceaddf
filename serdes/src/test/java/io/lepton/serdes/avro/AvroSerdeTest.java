package io.lepton.serdes.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.serdes.Events;
import io.lepton.serdes.IncompatibleSchemaException;
import io.lepton.serdes.InvalidMagicByteException;
import io.lepton.serdes.MalformedPayloadException;
import io.lepton.serdes.RegistryException;
import io.lepton.serdes.SerdeException;
import io.lepton.serdes.UnknownSchemaIdException;
import io.lepton.serdes.WireFormat;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import io.lepton.serdes.registry.RegisteredSchema;
import io.lepton.serdes.registry.SchemaRegistryClient;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeTest {

    private static final String TOPIC = "raw.test";

    private final CountingClient registry = new CountingClient(new InMemorySchemaRegistryClient());

    static List<SpecificRecord> events() {
        return Events.all();
    }

    @ParameterizedTest
    @MethodSource("events")
    void specificRecordsRoundTripAsSpecific(SpecificRecord event) {
        byte[] bytes = new AvroSerializer<SpecificRecord>(registry, AvroSerdeConfig.defaults()).serialize(TOPIC, event);
        SpecificRecord back = new AvroDeserializer<SpecificRecord>(registry,
                AvroSerdeConfig.builder().specificAvroReader(true).build()).deserialize(TOPIC, bytes);
        assertThat(back).isEqualTo(event).isInstanceOf(event.getClass());
    }

    @ParameterizedTest
    @MethodSource("events")
    void specificRecordsReadAsGenericWithEpochMillisTimestamps(SpecificRecord event) {
        byte[] bytes = new AvroSerializer<SpecificRecord>(registry, AvroSerdeConfig.defaults()).serialize(TOPIC, event);
        GenericRecord generic = new AvroDeserializer<GenericRecord>(registry, AvroSerdeConfig.defaults())
                .deserialize(TOPIC, bytes);
        assertThat(generic).isInstanceOf(GenericData.Record.class);
        assertThat(generic.get("eventId").toString()).isEqualTo(event.get(0).toString());
        assertThat(generic.get("occurredAt")).isEqualTo(Events.OCCURRED_AT.toEpochMilli());
    }

    @ParameterizedTest
    @MethodSource("events")
    void genericRecordsRoundTripAndAreReadableAsSpecific(SpecificRecord event) {
        byte[] fromSpecific = new AvroSerializer<SpecificRecord>(registry, AvroSerdeConfig.defaults())
                .serialize(TOPIC, event);
        GenericRecord generic = new AvroDeserializer<GenericRecord>(registry, AvroSerdeConfig.defaults())
                .deserialize(TOPIC, fromSpecific);

        byte[] fromGeneric = new AvroSerializer<GenericRecord>(registry, AvroSerdeConfig.defaults())
                .serialize(TOPIC, generic);
        assertThat(fromGeneric).isEqualTo(fromSpecific);
        assertThat(new AvroDeserializer<SpecificRecord>(registry,
                AvroSerdeConfig.builder().specificAvroReader(true).build()).deserialize(TOPIC, fromGeneric))
                .isEqualTo(event);
    }

    @Test
    void writesTheConfluentWireFormatUnderTheTopicSubject() {
        byte[] bytes = new AvroSerializer<CustomerServiceEvent>(registry, AvroSerdeConfig.defaults())
                .serialize(TOPIC, Events.customerService());
        int id = WireFormat.schemaId(bytes);
        assertThat(registry.latest(TOPIC + "-value").id()).isEqualTo(id);
        assertThat(registry.schemaById(id)).isEqualTo(CustomerServiceEvent.getClassSchema());
    }

    @Test
    void keySerializerUsesTheKeySubjectAndTheConfiguredStrategy() {
        AvroSerializer<CustomerServiceEvent> keys = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
        keys.configure(java.util.Map.of(), true);
        keys.serialize(TOPIC, Events.customerService());
        new AvroSerializer<CustomerServiceEvent>(registry, AvroSerdeConfig.builder()
                .subjectNameStrategy(SubjectNameStrategy.RECORD).build()).serialize(TOPIC, Events.customerService());
        assertThat(registry.subjects()).containsExactly(TOPIC + "-key", "io.lepton.schemas.CustomerServiceEvent");
    }

    @Test
    void hotPathMakesNoRegistryCallAfterTheFirstRecord() {
        var serializer = new AvroSerializer<CustomerServiceEvent>(registry, AvroSerdeConfig.defaults());
        var deserializer = new AvroDeserializer<CustomerServiceEvent>(registry,
                AvroSerdeConfig.builder().specificAvroReader(true).build());
        deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, Events.customerService()));
        int callsAfterFirst = registry.calls.get();
        for (int i = 0; i < 1_000; i++) {
            deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, Events.customerService()));
        }
        assertThat(registry.calls).hasValue(callsAfterFirst);
        assertThat(callsAfterFirst).isEqualTo(2);
    }

    @Test
    void readerSchemaModeResolvesAnOlderWriterToTheNewerReader() {
        Schema v1 = SchemaBuilder.record("Thing").namespace("io.lepton.test").fields()
                .requiredString("id").requiredInt("count").endRecord();
        Schema v2 = SchemaBuilder.record("Thing").namespace("io.lepton.test").fields()
                .requiredString("id")
                .name("label").type().stringType().stringDefault("none")
                .requiredInt("count")
                .endRecord();
        byte[] written = new AvroSerializer<GenericRecord>(registry, AvroSerdeConfig.defaults())
                .serialize(TOPIC, new GenericRecordBuilder(v1).set("id", "a").set("count", 3).build());

        GenericRecord read = new AvroDeserializer<GenericRecord>(registry,
                AvroSerdeConfig.builder().readerSchema(v2).build()).deserialize(TOPIC, written);

        assertThat(read.getSchema()).isEqualTo(v2);
        assertThat(read.get("id").toString()).isEqualTo("a");
        assertThat(read.get("label").toString()).isEqualTo("none");
        assertThat(read.get("count")).isEqualTo(3);
    }

    @Test
    void readerSchemaThatCannotReadTheWriterIsAPermanentFailureNamingTheProblem() {
        Schema writer = SchemaBuilder.record("Thing").fields().requiredString("id").endRecord();
        Schema reader = SchemaBuilder.record("Thing").fields().requiredString("id").requiredLong("extra").endRecord();
        byte[] written = new AvroSerializer<GenericRecord>(registry, AvroSerdeConfig.defaults())
                .serialize(TOPIC, new GenericRecordBuilder(writer).set("id", "a").build());
        assertThatThrownBy(() -> new AvroDeserializer<GenericRecord>(registry,
                AvroSerdeConfig.builder().readerSchema(reader).build()).deserialize(TOPIC, written))
                .isInstanceOfSatisfying(MalformedPayloadException.class, e -> assertThat(e.isPermanent()).isTrue())
                .hasMessageContaining("extra");
    }

    @Test
    void specificModeWithoutAGeneratedClassIsPermanent() {
        Schema schema = SchemaBuilder.record("NoSuchClass").namespace("io.lepton.nowhere").fields()
                .requiredString("id").endRecord();
        byte[] written = new AvroSerializer<GenericRecord>(registry, AvroSerdeConfig.defaults())
                .serialize(TOPIC, new GenericRecordBuilder(schema).set("id", "a").build());
        assertThatThrownBy(() -> new AvroDeserializer<SpecificRecord>(registry,
                AvroSerdeConfig.builder().specificAvroReader(true).build()).deserialize(TOPIC, written))
                .isInstanceOfSatisfying(SerdeException.class, e -> assertThat(e.isPermanent()).isTrue())
                .hasMessageContaining("io.lepton.nowhere.NoSuchClass");
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaFailsAndARegisteredOneIsLookedUp() {
        AvroSerdeConfig noRegister = AvroSerdeConfig.builder().autoRegisterSchemas(false).build();
        assertThatThrownBy(() -> new AvroSerializer<CustomerServiceEvent>(registry, noRegister)
                .serialize(TOPIC, Events.customerService()))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.status()).isEqualTo(404));

        int id = registry.register(TOPIC + "-value", CustomerServiceEvent.getClassSchema());
        byte[] bytes = new AvroSerializer<CustomerServiceEvent>(registry, noRegister)
                .serialize(TOPIC, Events.customerService());
        assertThat(WireFormat.schemaId(bytes)).isEqualTo(id);
    }

    @Test
    void useLatestVersionWritesWithTheSubjectsLatestSchemaId() {
        Schema v1 = SchemaBuilder.record("Thing").fields().requiredString("id").endRecord();
        Schema v2 = SchemaBuilder.record("Thing").fields().requiredString("id")
                .name("n").type().intType().intDefault(0).endRecord();
        registry.register(TOPIC + "-value", v1);
        int latest = registry.register(TOPIC + "-value", v2);
        byte[] bytes = new AvroSerializer<GenericRecord>(registry, AvroSerdeConfig.builder().useLatestVersion(true)
                .build()).serialize(TOPIC, new GenericRecordBuilder(v2).set("id", "x").set("n", 5).build());
        assertThat(WireFormat.schemaId(bytes)).isEqualTo(latest);
    }

    @Test
    void incompatibleSchemaOnRegisterIsRaisedBySerialize() {
        Schema v1 = SchemaBuilder.record("Thing").fields().requiredString("id").endRecord();
        Schema breaking = SchemaBuilder.record("Thing").fields().requiredLong("id").endRecord();
        var serializer = new AvroSerializer<GenericRecord>(registry, AvroSerdeConfig.defaults());
        serializer.serialize(TOPIC, new GenericRecordBuilder(v1).set("id", "a").build());
        assertThatThrownBy(() -> serializer.serialize(TOPIC, new GenericRecordBuilder(breaking).set("id", 1L).build()))
                .isInstanceOf(IncompatibleSchemaException.class);
    }

    @Test
    void recordNotMatchingItsSchemaFailsWithoutQuotingTheValue() {
        Schema schema = SchemaBuilder.record("Thing").fields().requiredInt("n").endRecord();
        GenericData.Record bad = new GenericData.Record(schema);
        bad.put("n", "secret-value");
        assertThatThrownBy(() -> new AvroSerializer<GenericRecord>(registry, AvroSerdeConfig.defaults())
                .serialize(TOPIC, bad))
                .isInstanceOf(MalformedPayloadException.class)
                .message().doesNotContain("secret-value");
    }

    @Test
    void aRecordFailingHalfwayLeavesNothingBehindForTheNextRecord() {
        Schema schema = SchemaBuilder.record("Pair").fields().requiredString("first").requiredInt("second")
                .endRecord();
        GenericData.Record good = new GenericData.Record(schema);
        good.put("first", "a long enough first field to sit in the encoder's buffer");
        good.put("second", 7);
        GenericData.Record bad = new GenericData.Record(schema);
        bad.put("first", "written before the failure");
        bad.put("second", "not an int");
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
        byte[] clean = serializer.serialize(TOPIC, good);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, bad)).isInstanceOf(MalformedPayloadException.class);
        assertThat(serializer.serialize(TOPIC, good)).isEqualTo(clean);
        assertThat(new AvroDeserializer<GenericRecord>(registry, AvroSerdeConfig.defaults()).deserialize(TOPIC, clean))
                .isEqualTo(good);
    }

    @Test
    void recordsLargerThanTheInitialBufferAreWrittenWhole() {
        Schema schema = SchemaBuilder.record("Big").fields().requiredString("text").endRecord();
        GenericData.Record big = new GenericData.Record(schema);
        big.put("text", "x".repeat(100_000));
        byte[] bytes = new AvroSerializer<GenericRecord>(registry, AvroSerdeConfig.defaults()).serialize(TOPIC, big);
        assertThat(new AvroDeserializer<GenericRecord>(registry, AvroSerdeConfig.defaults()).deserialize(TOPIC, bytes)
                .get("text").toString()).hasSize(100_000);
    }

    @Test
    void nullsPassThrough() {
        assertThat(new AvroSerializer<GenericRecord>(registry, AvroSerdeConfig.defaults()).serialize(TOPIC, null))
                .isNull();
        assertThat(new AvroDeserializer<GenericRecord>(registry, AvroSerdeConfig.defaults()).deserialize(TOPIC, null))
                .isNull();
        assertThat(registry.calls).hasValue(0);
    }

    @Test
    void wrongMagicByteIsInvalidMagicByte() {
        byte[] bytes = validBytes();
        bytes[0] = 1;
        assertThatThrownBy(() -> genericDeserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(InvalidMagicByteException.class);
    }

    @Test
    void truncatedHeaderIsMalformed() {
        assertThatThrownBy(() -> genericDeserializer().deserialize(TOPIC, new byte[] {0, 0, 0}))
                .isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void truncatedBodyIsMalformed() {
        byte[] bytes = validBytes();
        assertThatThrownBy(() -> genericDeserializer().deserialize(TOPIC, Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOfSatisfying(MalformedPayloadException.class, e -> assertThat(e.isPermanent()).isTrue());
    }

    @Test
    void trailingBytesAreMalformed() {
        byte[] bytes = validBytes();
        assertThatThrownBy(() -> genericDeserializer().deserialize(TOPIC, Arrays.copyOf(bytes, bytes.length + 2)))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("Trailing bytes");
    }

    @Test
    void unknownSchemaIdIsUnknownSchemaId() {
        byte[] bytes = WireFormat.frame(4242, new byte[] {2, 'a'});
        assertThatThrownBy(() -> genericDeserializer().deserialize(TOPIC, bytes))
                .isInstanceOfSatisfying(UnknownSchemaIdException.class,
                        e -> assertThat(e.schemaId()).isEqualTo(4242));
    }

    @Test
    void serdeWiresSerializerAndDeserializerToTheSameRegistry() {
        AvroSerde<CustomerServiceEvent> serde = new AvroSerde<>(registry,
                AvroSerdeConfig.builder().specificAvroReader(true).build());
        byte[] bytes = serde.serializer().serialize(TOPIC, Events.customerService());
        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(Events.customerService());
    }

    private byte[] validBytes() {
        return new AvroSerializer<CustomerServiceEvent>(registry, AvroSerdeConfig.defaults())
                .serialize(TOPIC, Events.customerService());
    }

    private AvroDeserializer<GenericRecord> genericDeserializer() {
        return new AvroDeserializer<>(registry, AvroSerdeConfig.defaults());
    }

    /** Counts registry calls, to prove the hot path is served from the serdes' caches. */
    private static final class CountingClient implements SchemaRegistryClient {

        private final SchemaRegistryClient delegate;
        private final AtomicInteger calls = new AtomicInteger();

        CountingClient(SchemaRegistryClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public int register(String subject, Schema schema) {
            calls.incrementAndGet();
            return delegate.register(subject, schema);
        }

        @Override
        public int lookup(String subject, Schema schema) {
            calls.incrementAndGet();
            return delegate.lookup(subject, schema);
        }

        @Override
        public Schema schemaById(int id) {
            calls.incrementAndGet();
            return delegate.schemaById(id);
        }

        @Override
        public RegisteredSchema latest(String subject) {
            calls.incrementAndGet();
            return delegate.latest(subject);
        }

        @Override
        public RegisteredSchema version(String subject, int version) {
            calls.incrementAndGet();
            return delegate.version(subject, version);
        }

        @Override
        public boolean isCompatible(String subject, Schema schema) {
            calls.incrementAndGet();
            return delegate.isCompatible(subject, schema);
        }

        @Override
        public List<String> subjects() {
            return delegate.subjects();
        }
    }
}
