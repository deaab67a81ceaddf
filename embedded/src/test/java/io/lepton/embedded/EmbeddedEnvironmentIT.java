package io.lepton.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Starts its own environment (not the shared one) so it can also prove that close() leaves nothing behind. */
class EmbeddedEnvironmentIT {

    private static final String TOPIC = "embedded.it.roundtrip";

    @Test
    void brokerAndRegistryWorkAndLeaveNothingBehindAfterClose() throws Exception {
        EmbeddedEnvironment environment = EmbeddedEnvironment.start();
        long pid;
        Path kafkaDirectory;
        try {
            EmbeddedKafka kafka = environment.kafka();
            assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
            kafka.createTopics(3, List.of(TOPIC));
            kafka.createTopics(3, List.of(TOPIC, TOPIC + ".second"));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).contains(TOPIC, TOPIC + ".second");
                assertThat(admin.describeTopics(Set.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions())
                        .hasSize(3);
            }

            produce(kafka, List.of("alpha", "beta", "gamma"));
            assertThat(consume(kafka, 3)).containsExactlyInAnyOrder("alpha", "beta", "gamma");

            ApicurioRegistry registry = environment.registry();
            assertThat(registry.confluentApiUrl()).matches("http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7");
            HttpResponse<String> subjects = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(registry.confluentApiUrl() + "/subjects")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(subjects.statusCode()).isEqualTo(200);
            assertThat(subjects.body()).isEqualTo("[]");

            pid = registry.pid();
            kafkaDirectory = kafka.baseDirectory();
            assertThat(ProcessHandle.of(pid)).map(ProcessHandle::isAlive).contains(true);
        } finally {
            environment.close();
        }

        Optional<ProcessHandle> after = ProcessHandle.of(pid);
        assertThat(after.isEmpty() || !after.get().isAlive()).as("Apicurio process %d gone", pid).isTrue();
        assertThat(Files.exists(kafkaDirectory)).as("broker data directory deleted").isFalse();
    }

    private static void produce(EmbeddedKafka kafka, List<String> values) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(TOPIC, value, value)).get();
            }
        }
    }

    private static List<String> consume(EmbeddedKafka kafka, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "embedded-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.value());
                }
            }
        }
        return received;
    }
}
