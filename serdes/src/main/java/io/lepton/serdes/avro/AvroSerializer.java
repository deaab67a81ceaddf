package io.lepton.serdes.avro;

import io.lepton.serdes.LruCache;
import io.lepton.serdes.MalformedPayloadException;
import io.lepton.serdes.WireFormat;
import io.lepton.serdes.registry.RegisteredSchema;
import io.lepton.serdes.registry.RegistryClientConfig;
import io.lepton.serdes.registry.RestSchemaRegistryClient;
import io.lepton.serdes.registry.SchemaRegistryClient;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka {@link Serializer} writing Avro records ({@code GenericRecord} or generated {@code SpecificRecord}) in the
 * Confluent wire format, readable by any Confluent-compatible deserializer.
 *
 * <p>The schema id and the {@link DatumWriter} are cached per (topic, schema), so after the first record of a
 * schema the hot path makes no registry call and allocates little more than the output array. Generic records may
 * hold timestamps as {@code Long} or {@code java.time} values.
 *
 * <p>Use it either with an explicit client ({@link #AvroSerializer(SchemaRegistryClient, AvroSerdeConfig)}, a
 * value serializer until {@link #configure} says otherwise) or from Kafka properties (no-arg constructor, then
 * {@link #configure(Map, boolean)} with {@code schema.registry.url} etc.).
 */
public final class AvroSerializer<T extends IndexedRecord> implements Serializer<T> {

    private static final int WRITER_CACHE_CAPACITY = 1000;
    private static final SpecificData WITH_TIME_CONVERSIONS = dataWithTimeConversions();
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    private SchemaRegistryClient client;
    private AvroSerdeConfig config;
    private boolean isKey;
    private final LruCache<WriterKey, Writer> writers = new LruCache<>(WRITER_CACHE_CAPACITY);

    /** For Kafka's reflective instantiation; {@link #configure(Map, boolean)} must be called before use. */
    public AvroSerializer() {
    }

    public AvroSerializer(SchemaRegistryClient client, AvroSerdeConfig config) {
        this.client = client;
        this.config = config;
    }

    /**
     * Sets whether this serializes keys; builds the registry client and serde config from {@code configs} only if
     * none was given to the constructor.
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        if (client == null) {
            client = new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(configs));
            config = AvroSerdeConfig.fromProperties(configs, isKey);
        }
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroSerializer used before configure()");
        }
        Writer writer = writers.computeIfAbsent(new WriterKey(topic, record.getSchema()), this::newWriter);
        Buffer buffer = BUFFERS.get();
        buffer.reset();
        try {
            writer.datumWriter().write(record, buffer.encoder);
            buffer.encoder.flush();
        } catch (IOException | RuntimeException e) {
            buffer.discard();
            // Avro's messages quote the offending value, which may be personal data: name only the failure type.
            throw new MalformedPayloadException("Record of " + record.getSchema().getFullName()
                    + " does not match its schema (" + e.getClass().getSimpleName() + ")");
        }
        return buffer.framed(writer.schemaId());
    }

    private Writer newWriter(WriterKey key) {
        Schema schema = key.schema();
        String subject = config.subjectNameStrategy().subject(key.topic(), isKey, schema);
        int id;
        if (config.useLatestVersion()) {
            RegisteredSchema latest = client.latest(subject);
            schema = latest.schema();
            id = latest.id();
        } else if (config.autoRegisterSchemas()) {
            id = client.register(subject, schema);
        } else {
            id = client.lookup(subject, schema);
        }
        return new Writer(id, datumWriter(schema));
    }

    /**
     * A specific writer also writes generic records (generic enum symbols, any CharSequence), so one writer per
     * schema serves both kinds; the generated class's model brings its logical-type conversions, and schemas
     * without a class on the classpath get the standard time conversions.
     */
    private static DatumWriter<Object> datumWriter(Schema schema) {
        SpecificData model = SpecificData.getForSchema(schema);
        return new SpecificDatumWriter<>(schema, model.getClass(schema) != null ? model : WITH_TIME_CONVERSIONS);
    }

    private static SpecificData dataWithTimeConversions() {
        SpecificData data = new SpecificData();
        data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.DateConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        return data;
    }

    private record WriterKey(String topic, Schema schema) {
    }

    private record Writer(int schemaId, DatumWriter<Object> datumWriter) {
    }

    /**
     * Per-thread output buffer, reused across records: only the returned array is allocated per record. Unlike a
     * {@link java.io.ByteArrayOutputStream} it takes no lock, and the encoder in front of it is Avro's buffered one,
     * so a record costs a few bulk copies instead of a synchronized call per encoded byte.
     */
    private static final class Buffer extends OutputStream {

        private byte[] buf = new byte[512];
        private int count;
        private BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(this, null);

        /** Starts a record, leaving room for the header (filled in once the id is known). */
        void reset() {
            count = WireFormat.HEADER_SIZE;
        }

        /** Drops whatever a failed write left in the encoder's own buffer, so the next record starts clean. */
        void discard() {
            encoder = EncoderFactory.get().binaryEncoder(this, null);
            reset();
        }

        @Override
        public void write(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            ensure(length);
            System.arraycopy(bytes, offset, buf, count, length);
            count += length;
        }

        byte[] framed(int schemaId) {
            WireFormat.writeHeader(buf, schemaId);
            return Arrays.copyOf(buf, count);
        }

        private void ensure(int more) {
            if (count + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
            }
        }
    }
}
