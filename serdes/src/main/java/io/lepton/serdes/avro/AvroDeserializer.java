package io.lepton.serdes.avro;

import io.lepton.serdes.LruCache;
import io.lepton.serdes.MalformedPayloadException;
import io.lepton.serdes.SerdeException;
import io.lepton.serdes.UnknownSchemaIdException;
import io.lepton.serdes.WireFormat;
import io.lepton.serdes.registry.RegistryClientConfig;
import io.lepton.serdes.registry.RestSchemaRegistryClient;
import io.lepton.serdes.registry.SchemaRegistryClient;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka {@link Deserializer} for Confluent wire-format Avro, in three modes:
 * <ul>
 *   <li>generic (default): {@code GenericRecord} in the writer's schema; timestamps stay {@code long};</li>
 *   <li>reader schema ({@link AvroSerdeConfig#readerSchema()}): every writer schema is resolved to the configured
 *       schema, as the gateway reads evolving producers with one schema;</li>
 *   <li>specific ({@link AvroSerdeConfig#specificAvroReader()}): the generated class named by the reader schema
 *       (or, without one, by the writer schema's full name).</li>
 * </ul>
 *
 * <p>Per schema id the resolved {@link DatumReader} is cached, so after the first record of a writer schema the
 * hot path makes no registry call. Failures are {@link SerdeException}s that say whether the record is at fault
 * ({@link SerdeException#isPermanent()}); {@code null} bytes give {@code null}.
 */
public final class AvroDeserializer<T extends IndexedRecord> implements Deserializer<T> {

    private static final int READER_CACHE_CAPACITY = 1000;
    private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();

    private SchemaRegistryClient client;
    private AvroSerdeConfig config;
    private final LruCache<Integer, Reader<T>> readers = new LruCache<>(READER_CACHE_CAPACITY);

    /** For Kafka's reflective instantiation; {@link #configure(Map, boolean)} must be called before use. */
    public AvroDeserializer() {
    }

    public AvroDeserializer(SchemaRegistryClient client, AvroSerdeConfig config) {
        this.client = client;
        this.config = config;
    }

    /** Builds the registry client and serde config from {@code configs} only if none was given to the constructor. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            client = new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(configs));
            config = AvroSerdeConfig.fromProperties(configs, isKey);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroDeserializer used before configure()");
        }
        int schemaId = WireFormat.schemaId(data);
        DatumReader<T> reader = readers.computeIfAbsent(schemaId, this::resolve).datumReader();
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                data.length - WireFormat.HEADER_SIZE, DECODERS.get());
        DECODERS.set(decoder);
        try {
            // Lengths the payload claims are checked against its size before Avro allocates for them.
            T record = reader.read(null, new LengthCheckedDecoder(decoder));
            if (!decoder.isEnd()) {
                throw new MalformedPayloadException("Trailing bytes after the Avro body of schema id " + schemaId);
            }
            return record;
        } catch (IOException | RuntimeException e) {
            if (e instanceof MalformedPayloadException malformed) {
                throw malformed;
            }
            throw new MalformedPayloadException("Payload does not decode with schema id " + schemaId + ": " + e,
                    e);
        }
    }

    /**
     * Resolves the reader for a writer schema id. A permanent failure (no generated class, writer not readable as
     * the reader) is cached too, so a misbehaving producer costs one map lookup per record, not a compatibility
     * check; registry failures are not cached, the next record tries again.
     */
    private Reader<T> resolve(int schemaId) {
        try {
            return new Reader<>(newReader(schemaId), null);
        } catch (SerdeException e) {
            if (e.isPermanent() && !(e instanceof UnknownSchemaIdException)) {
                return new Reader<>(null, e);
            }
            throw e;
        }
    }

    private DatumReader<T> newReader(int schemaId) {
        Schema writer = client.schemaById(schemaId);
        if (config.specificAvroReader()) {
            Schema reader = config.readerSchema().orElse(writer);
            SpecificData model = SpecificData.getForSchema(reader);
            if (model.getClass(reader) == null) {
                throw new SerdeException("No generated SpecificRecord class " + reader.getFullName()
                        + " on the classpath for schema id " + schemaId, true);
            }
            Schema classSchema = model.getSchema(model.getClass(reader));
            return new SpecificDatumReader<>(checkedResolution(schemaId, writer, classSchema), classSchema, model);
        }
        Schema reader = config.readerSchema().orElse(writer);
        return new GenericDatumReader<>(checkedResolution(schemaId, writer, reader), reader, GenericData.get());
    }

    /**
     * Checks up front that the writer can be read as the reader, so an incompatible producer fails with a clear
     * reason on its first record instead of a decoding error deep in Avro.
     */
    private static Schema checkedResolution(int schemaId, Schema writer, Schema reader) {
        if (writer != reader) {
            SchemaCompatibility.SchemaPairCompatibility compatibility =
                    SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
            if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                throw new MalformedPayloadException("Writer schema id " + schemaId + " (" + writer.getFullName()
                        + ") cannot be read as " + reader.getFullName() + ": "
                        + compatibility.getResult().getIncompatibilities(),
                        new AvroTypeException(compatibility.getDescription()));
            }
        }
        return writer;
    }

    /** A resolved reader, or the permanent reason there is none. */
    private record Reader<T>(DatumReader<T> reader, SerdeException failure) {

        DatumReader<T> datumReader() {
            if (failure != null) {
                throw failure;
            }
            return reader;
        }
    }
}
