package io.lepton.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.embedded.ApicurioRegistry;
import io.lepton.gateway.RawEvents;
import io.lepton.gateway.TestTopics;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.SchemaRegistryClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Health that tells the truth, on the running app with a real broker and a real Apicurio: readiness is UP while
 * Streams runs and the registry answers; with the registry process stopped it turns DOWN (naming the registry) while
 * liveness stays UP and events keep flowing on the schemas the gateway already holds; once a registry answers on the
 * same URL again, readiness is UP without restarting the app.
 */
@QuarkusTest
@QuarkusTestResource(value = OwnEnvironmentResource.class, restrictToAnnotatedClass = true)
class HealthIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String SANITIZED = TestTopics.sanitized("eu-gdpr", "customer-service");

    @Inject
    SchemaRegistryClient registry;

    @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers")
    String bootstrap;

    @ConfigProperty(name = "SCHEMA_REGISTRY_URL")
    String registryUrl;

    @ConfigProperty(name = EmbeddedEnvironmentResource.REGISTRY_PID)
    long registryPid;

    @TestHTTPResource("/q/health/ready")
    URI readiness;

    @TestHTTPResource("/q/health/live")
    URI liveness;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessFollowsTheRegistryWhileCachedSchemasKeepTheGatewayWorking() throws Exception {
        awaitStatus(readiness, 200, "\"reason\": \"running\"");
        assertThat(get(readiness).body()).contains("lepton-gateway-ready");
        assertThat(get(liveness).statusCode()).isEqualTo(200);

        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            send(producer, serializer, 0, 5);
            awaitSanitized(5);

            ProcessHandle process = ProcessHandle.of(registryPid).orElseThrow();
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
            awaitStatus(readiness, 503, "\"reason\": \"registry-unreachable\"");
            assertThat(get(liveness).statusCode()).as("a registry outage is not a reason to restart").isEqualTo(200);

            send(producer, serializer, 5, 10);
            awaitSanitized(10);

            int port = URI.create(registryUrl).getPort();
            try (ApicurioRegistry restarted = ApicurioRegistry.start(port)) {
                awaitStatus(readiness, 200, "\"reason\": \"running\"");
                send(producer, serializer, 10, 15);
                awaitSanitized(15);
            }
        }
    }

    private void send(KafkaProducer<byte[], byte[]> producer, AvroSerializer<SpecificRecord> serializer, int from,
            int to) {
        for (int i = from; i < to; i++) {
            CustomerServiceEvent event = RawEvents.customerService("health-" + i, "DE");
            event.setOccurredAt(Instant.now());
            // One subject per event, so no privacy budget withholds one.
            event.setCustomerId("health-subject-" + i);
            producer.send(new ProducerRecord<>("raw.customer-service",
                    event.getCustomerId().getBytes(StandardCharsets.UTF_8), serializer.serialize(
                            "raw.customer-service", event)));
        }
        producer.flush();
    }

    private void awaitSanitized(int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "health-it-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        int seen = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(SANITIZED));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (seen < expected && System.nanoTime() < deadline) {
                seen += consumer.poll(Duration.ofMillis(500)).count();
            }
        }
        assertThat(seen).as("sanitized records on " + SANITIZED).isEqualTo(expected);
    }

    private void awaitStatus(URI uri, int status, String bodyPart) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get(uri);
            if (last.statusCode() == status && last.body().contains(bodyPart)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(uri + " answered " + (last == null ? "nothing" : last.statusCode() + " "
                + last.body()) + ", expected " + status + " with " + bodyPart + " within " + WAIT);
    }

    private HttpResponse<String> get(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
