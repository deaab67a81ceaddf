package io.lepton.serdes.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lepton.schemas.CustomerServiceEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectNameStrategyTest {

    @ParameterizedTest
    @CsvSource({
        "topic, TOPIC",
        "TOPIC, TOPIC",
        "record, RECORD",
        "topic-record, TOPIC_RECORD",
        "topic_record, TOPIC_RECORD",
        "' Topic-Record ', TOPIC_RECORD",
        "io.confluent.kafka.serializers.subject.TopicNameStrategy, TOPIC",
        "io.confluent.kafka.serializers.subject.RecordNameStrategy, RECORD",
        "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, TOPIC_RECORD",
    })
    void parsesShortNamesAndConfluentClassNames(String text, SubjectNameStrategy expected) {
        assertThat(SubjectNameStrategy.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "TOPIC, false, raw.customer-service-value",
        "TOPIC, true, raw.customer-service-key",
        "RECORD, false, io.lepton.schemas.CustomerServiceEvent",
        "RECORD, true, io.lepton.schemas.CustomerServiceEvent",
        "TOPIC_RECORD, false, raw.customer-service-io.lepton.schemas.CustomerServiceEvent",
    })
    void namesSubjectsLikeConfluent(SubjectNameStrategy strategy, boolean isKey, String subject) {
        assertThat(strategy.subject("raw.customer-service", isKey, CustomerServiceEvent.getClassSchema()))
                .isEqualTo(subject);
    }

    @ParameterizedTest
    @CsvSource({"subject", "com.example.MyStrategy", "''"})
    void rejectsUnknownStrategiesWithTheAcceptedValues(String text) {
        assertThatThrownBy(() -> SubjectNameStrategy.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic, record, topic-record");
    }
}
