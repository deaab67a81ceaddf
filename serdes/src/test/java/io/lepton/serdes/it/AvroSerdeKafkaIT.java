package io.lepton.serdes.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.embedded.EmbeddedEnvironment;
import io.lepton.embedded.junit.EmbeddedEnvironmentExtension;
import io.lepton.serdes.Events;
import io.lepton.serdes.WireFormat;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.RegistryClientConfig;
import io.lepton.serdes.registry.RestSchemaRegistryClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The serdes as a Kafka application uses them: configured by class name and properties, through a real broker
 * and a real Apicurio registry.
 */
@ExtendWith(EmbeddedEnvironmentExtension.class)
class AvroSerdeKafkaIT {

    private static final String TOPIC = "it.raw.events";

    @Test
    void rawEventsTravelThroughKafkaInConfluentWireFormat(EmbeddedEnvironment environment) {
        environment.kafka().createTopics(1, List.of(TOPIC));
        String registryUrl = environment.registry().confluentApiUrl();

        Map<String, Object> producerConfig = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class,
                "schema.registry.url", registryUrl,
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"));
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(producerConfig)) {
            for (SpecificRecord event : Events.all()) {
                producer.send(new ProducerRecord<>(TOPIC, event.get(0).toString(), event));
            }
            producer.flush();
        }

        List<SpecificRecord> specific = consume(environment, registryUrl, Map.of("specific.avro.reader", "true"));
        assertThat(specific).containsExactlyElementsOf(Events.all());

        List<GenericRecord> generic = consume(environment, registryUrl, Map.of());
        assertThat(generic).extracting(r -> r.getSchema().getFullName()).containsExactly(
                "io.lepton.schemas.CustomerServiceEvent", "io.lepton.schemas.RecommendationEvent",
                "io.lepton.schemas.FinancialSentimentEvent");

        assertThat(rawValues(environment)).allSatisfy(bytes -> assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE));
        assertThat(new RestSchemaRegistryClient(RegistryClientConfig.builder(registryUrl).build()).subjects())
                .contains(TOPIC + "-io.lepton.schemas.CustomerServiceEvent");
    }

    private static <T> List<T> consume(EmbeddedEnvironment environment, String registryUrl,
            Map<String, Object> extra) {
        Map<String, Object> config = consumerConfig(environment);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class);
        config.put("schema.registry.url", registryUrl);
        config.putAll(extra);
        List<T> values = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 3 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }

    private static List<byte[]> rawValues(EmbeddedEnvironment environment) {
        Map<String, Object> config = consumerConfig(environment);
        List<byte[]> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 3 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }

    private static Map<String, Object> consumerConfig(EmbeddedEnvironment environment) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return config;
    }
}
