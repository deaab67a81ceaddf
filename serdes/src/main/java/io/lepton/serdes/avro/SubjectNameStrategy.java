package io.lepton.serdes.avro;

import java.util.Locale;
import org.apache.avro.Schema;

/**
 * How a serializer names the registry subject a schema is registered under, the same three strategies as
 * Confluent's serializers, so subjects written by Lepton and by foreign producers line up.
 */
public enum SubjectNameStrategy {

    /** {@code <topic>-key} / {@code <topic>-value}: one schema lineage per topic (Confluent's default). */
    TOPIC {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + (isKey ? "-key" : "-value");
        }
    },
    /** The record's full name: one lineage per record type, shared by every topic carrying it. */
    RECORD {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return schema.getFullName();
        }
    },
    /** {@code <topic>-<record full name>}: several record types per topic, each with its own lineage. */
    TOPIC_RECORD {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + "-" + schema.getFullName();
        }
    };

    public abstract String subject(String topic, boolean isKey, Schema schema);

    /**
     * Parses {@code topic}, {@code record}, {@code topic-record} (any case, {@code _} for {@code -}) or a Confluent
     * strategy class name such as {@code io.confluent.kafka.serializers.subject.TopicRecordNameStrategy}.
     */
    public static SubjectNameStrategy parse(String value) {
        String name = value.trim();
        String simple = name.substring(name.lastIndexOf('.') + 1);
        switch (simple) {
            case "TopicNameStrategy":
                return TOPIC;
            case "RecordNameStrategy":
                return RECORD;
            case "TopicRecordNameStrategy":
                return TOPIC_RECORD;
            default:
                break;
        }
        switch (name.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "topic":
                return TOPIC;
            case "record":
                return RECORD;
            case "topic-record":
                return TOPIC_RECORD;
            default:
                throw new IllegalArgumentException("Unknown subject name strategy '" + value
                        + "': use topic, record, topic-record or a Confluent *NameStrategy class name");
        }
    }
}
