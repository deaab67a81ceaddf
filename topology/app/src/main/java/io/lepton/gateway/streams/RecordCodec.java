package io.lepton.gateway.streams;

import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.avro.SubjectNameStrategy;
import io.lepton.serdes.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * Confluent wire-format Avro in and out: decodes raw records against each family's own raw schema (the gateway's
 * reader schema, so unknown producer fields never get through) and encodes sanitized records, registering their
 * schemas under their topics' subjects (audit records and roll-ups under one subject per record type).
 */
public final class RecordCodec {

    private final SchemaRegistryClient registry;
    private final Map<String, AvroDeserializer<GenericRecord>> decoders = new HashMap<>();
    private final AvroSerializer<GenericRecord> encoder;
    private final AvroSerializer<GenericRecord> auditEncoder;

    public RecordCodec(SchemaRegistryClient registry, List<EventFamily> families) {
        this.registry = registry;
        for (EventFamily family : families) {
            decoders.put(family.name(), new AvroDeserializer<>(registry,
                    AvroSerdeConfig.builder().readerSchema(family.rawSchema()).build()));
        }
        this.encoder = new AvroSerializer<>(registry, AvroSerdeConfig.builder().autoRegisterSchemas(true).build());
        this.auditEncoder = new AvroSerializer<>(registry, AvroSerdeConfig.builder().autoRegisterSchemas(true)
                .subjectNameStrategy(SubjectNameStrategy.TOPIC_RECORD).build());
    }

    /**
     * Decodes a raw value of {@code family}.
     *
     * @throws io.lepton.serdes.SerdeException when the bytes are not a decodable event (permanent) or the registry
     *     cannot be reached (transient)
     */
    public GenericRecord decode(EventFamily family, String topic, byte[] value) {
        return decoders.get(family.name()).deserialize(topic, value);
    }

    /**
     * The serializer for every Avro output (sanitized events, audit records, alerts): subject {@code <topic>-value},
     * whose schema {@link OutputSchemas} registered at start-up, so the hot path only finds it in the cache.
     */
    public AvroSerializer<GenericRecord> avroSerializer() {
        return encoder;
    }

    /**
     * The serializer for audit topics, which carry two record types (per-event audit records and roll-ups): subject
     * {@code <topic>-<record full name>} (Confluent's TopicRecordNameStrategy), registered at start-up.
     */
    public AvroSerializer<GenericRecord> auditSerializer() {
        return auditEncoder;
    }

    /** Registers {@code schema} for {@code topic}'s values up front, so an incompatible change fails at start-up. */
    public int registerValueSchema(String topic, org.apache.avro.Schema schema) {
        return registerSubject(topic + "-value", schema);
    }

    /** Registers {@code schema} under {@code subject} up front. */
    public int registerSubject(String subject, org.apache.avro.Schema schema) {
        return registry.register(subject, schema);
    }
}
