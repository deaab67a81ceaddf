package io.lepton.gateway.engine.family;

import java.time.Instant;
import io.lepton.gateway.engine.policy.SubjectIdentity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * One event family (customer-service, recommendation, financial-sentiment...): its raw schema, the field that
 * identifies the data subject, and the privacy tags of every field.
 *
 * <p>The raw schema is the gateway's reader schema: whatever writer schema a producer registered, the event is
 * resolved to this one, so a field the gateway does not know about is dropped rather than passed through untagged.
 */
public final class EventFamily {

    private static final String OCCURRED_AT = "occurredAt";

    private final String name;
    private final Schema rawSchema;
    private final String subjectField;
    private final int subjectPosition;
    private final int occurredAtPosition;
    private final Map<String, FieldTags> tags;

    private EventFamily(String name, Schema rawSchema, String subjectField, Map<String, FieldTags> tags) {
        this.name = name;
        this.rawSchema = rawSchema;
        this.subjectField = subjectField;
        this.subjectPosition = rawSchema.getField(subjectField).pos();
        this.occurredAtPosition = rawSchema.getField(OCCURRED_AT).pos();
        this.tags = tags;
    }

    /**
     * Builds a family from a raw schema carrying a {@code "family"} property and exactly one {@code "subject"} field.
     */
    public static EventFamily fromSchema(Schema rawSchema) {
        Objects.requireNonNull(rawSchema, "rawSchema");
        if (rawSchema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("raw event schema must be a record: " + rawSchema.getFullName());
        }
        String name = rawSchema.getProp("family");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(rawSchema.getFullName() + ": missing \"family\" property");
        }
        Map<String, FieldTags> tags = new LinkedHashMap<>();
        String subject = null;
        for (Schema.Field field : rawSchema.getFields()) {
            FieldTags fieldTags = FieldTags.of(field);
            tags.put(field.name(), fieldTags);
            if (fieldTags.subject()) {
                if (subject != null) {
                    throw new IllegalArgumentException(rawSchema.getFullName() + ": more than one subject field ("
                            + subject + ", " + field.name() + ")");
                }
                subject = field.name();
            }
        }
        if (subject == null) {
            throw new IllegalArgumentException(rawSchema.getFullName() + ": no field tagged \"subject\": true");
        }
        tags.forEach((field, fieldTags) -> {
            if (fieldTags.derivedFrom() != null && rawSchema.getField(fieldTags.derivedFrom()) == null) {
                throw new IllegalArgumentException(rawSchema.getFullName() + ": field " + field
                        + " is derivedFrom unknown field " + fieldTags.derivedFrom());
            }
        });
        for (String required : List.of("eventId", OCCURRED_AT, "region")) {
            if (rawSchema.getField(required) == null) {
                throw new IllegalArgumentException(rawSchema.getFullName() + ": missing required field " + required);
            }
        }
        Schema occurredAt = rawSchema.getField(OCCURRED_AT).schema();
        if (occurredAt.getType() != Schema.Type.LONG
                || !"timestamp-millis".equals(occurredAt.getProp(LogicalType.LOGICAL_TYPE_PROP))) {
            throw new IllegalArgumentException(rawSchema.getFullName() + ": " + OCCURRED_AT
                    + " must be a non-null long with logicalType timestamp-millis");
        }
        return new EventFamily(name, rawSchema, subject, Map.copyOf(tags));
    }

    public String name() {
        return name;
    }

    public Schema rawSchema() {
        return rawSchema;
    }

    /** Name of the field that identifies the data subject; its value is the record key. */
    public String subjectField() {
        return subjectField;
    }

    /**
     * The subject id of {@code raw}, an event of this family, in canonical form (stripped, Unicode NFC, see
     * {@link SubjectIdentity#canonical}), or null when the field is missing or blank: the one definition used both to
     * pseudonymize the subject and to decide which task owns its privacy budget, so that ids written with stray
     * spaces or decomposed accents are one subject with one owner.
     */
    public String subject(GenericRecord raw) {
        Object subject = raw.get(subjectPosition);
        return subject == null || subject.toString().isBlank() ? null : SubjectIdentity.canonical(subject.toString());
    }

    /**
     * The event time of {@code raw}: its {@code occurredAt} in epoch milliseconds. The one definition of event time,
     * used for budget periods, fairness windows and aggregate windows alike; the schema check at construction makes
     * it a required long, so every decoded event has one.
     */
    public long occurredAt(GenericRecord raw) {
        Object value = raw.get(occurredAtPosition);
        return value instanceof Instant instant ? instant.toEpochMilli() : (Long) value;
    }

    public FieldTags tags(String fieldName) {
        FieldTags fieldTags = tags.get(fieldName);
        if (fieldTags == null) {
            throw new IllegalArgumentException("family " + name + " has no field " + fieldName);
        }
        return fieldTags;
    }

    /** The raw input topic of this family. */
    public String rawTopic() {
        return "raw." + name;
    }

    @Override
    public String toString() {
        return name;
    }
}
