package io.lepton.serdes.avro;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Immutable configuration of {@link AvroSerializer} and {@link AvroDeserializer}, with Confluent's key names and
 * defaults so existing client configuration carries over.
 *
 * @param autoRegisterSchemas serializer registers the record's schema (else it must already be registered)
 * @param useLatestVersion serializer writes with the subject's latest schema instead of the record's own
 * @param subjectNameStrategy how subjects are named
 * @param specificAvroReader deserializer returns generated {@code SpecificRecord} classes instead of
 *     {@code GenericRecord}
 * @param readerSchema deserializer resolves every writer schema to this schema (schema evolution on read)
 */
public record AvroSerdeConfig(
        boolean autoRegisterSchemas,
        boolean useLatestVersion,
        SubjectNameStrategy subjectNameStrategy,
        boolean specificAvroReader,
        Optional<Schema> readerSchema) {

    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    /** Lepton-specific: the reader schema as Avro JSON. */
    public static final String READER_SCHEMA = "lepton.avro.reader.schema";

    public AvroSerdeConfig {
        Objects.requireNonNull(subjectNameStrategy, "subjectNameStrategy");
        Objects.requireNonNull(readerSchema, "readerSchema");
    }

    /** Confluent's defaults: auto-register, record's own schema, topic strategy, generic records. */
    public static AvroSerdeConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads the keys declared on this class; {@code isKey} selects the key or value subject name strategy. */
    public static AvroSerdeConfig fromProperties(Map<String, ?> props, boolean isKey) {
        Builder builder = builder();
        bool(props, AUTO_REGISTER_SCHEMAS).ifPresent(builder::autoRegisterSchemas);
        bool(props, USE_LATEST_VERSION).ifPresent(builder::useLatestVersion);
        bool(props, SPECIFIC_AVRO_READER).ifPresent(builder::specificAvroReader);
        string(props, isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY)
                .map(SubjectNameStrategy::parse).ifPresent(builder::subjectNameStrategy);
        Object reader = props.get(READER_SCHEMA);
        if (reader instanceof Schema schema) {
            builder.readerSchema(schema);
        } else if (reader != null) {
            builder.readerSchema(new Schema.Parser().parse(reader.toString()));
        }
        return builder.build();
    }

    private static Optional<String> string(Map<String, ?> props, String key) {
        Object value = props.get(key);
        if (value instanceof Class<?> type) {
            return Optional.of(type.getName());
        }
        return Optional.ofNullable(value).map(Object::toString).filter(s -> !s.isBlank());
    }

    private static Optional<Boolean> bool(Map<String, ?> props, String key) {
        return string(props, key).map(text -> {
            if (!"true".equalsIgnoreCase(text) && !"false".equalsIgnoreCase(text)) {
                throw new IllegalArgumentException(key + " must be true or false, was '" + text + "'");
            }
            return Boolean.parseBoolean(text);
        });
    }

    /** Builder starting from Confluent's defaults. */
    public static final class Builder {

        private boolean autoRegisterSchemas = true;
        private boolean useLatestVersion;
        private SubjectNameStrategy subjectNameStrategy = SubjectNameStrategy.TOPIC;
        private boolean specificAvroReader;
        private Optional<Schema> readerSchema = Optional.empty();

        private Builder() {
        }

        public Builder autoRegisterSchemas(boolean autoRegisterSchemas) {
            this.autoRegisterSchemas = autoRegisterSchemas;
            return this;
        }

        public Builder useLatestVersion(boolean useLatestVersion) {
            this.useLatestVersion = useLatestVersion;
            return this;
        }

        public Builder subjectNameStrategy(SubjectNameStrategy subjectNameStrategy) {
            this.subjectNameStrategy = subjectNameStrategy;
            return this;
        }

        public Builder specificAvroReader(boolean specificAvroReader) {
            this.specificAvroReader = specificAvroReader;
            return this;
        }

        public Builder readerSchema(Schema readerSchema) {
            this.readerSchema = Optional.of(readerSchema);
            return this;
        }

        public AvroSerdeConfig build() {
            return new AvroSerdeConfig(autoRegisterSchemas, useLatestVersion, subjectNameStrategy,
                    specificAvroReader, readerSchema);
        }
    }
}
