package io.lepton.gateway.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.embedded.EmbeddedKafka;
import io.lepton.gateway.health.GatewayLivenessCheck;
import io.lepton.gateway.health.StreamsHealthRules;
import io.lepton.serdes.RegistryUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exception policy and liveness on a real broker, with the handlers the app installs: a stream thread that dies
 * of a transient cause (the registry unreachable on the hot path) is replaced and the record it failed on is
 * processed once the cause is gone; a cause that keeps coming spends the budget and the client stops, which liveness
 * reports; a configuration error (a missing source topic) stops at once without a replacement; a thread that is gone
 * without a replacement makes liveness DOWN while the client still says RUNNING.
 */
class StreamThreadFailureIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static EmbeddedKafka kafka;

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aTransientFailureReplacesTheThreadAndTheRecordIsProcessedAfterwards() {
        String in = topic("transient-in");
        String out = topic("transient-out");
        kafka.createTopics(1, List.of(in, out));
        AtomicInteger failuresLeft = new AtomicInteger(2);
        try (KafkaStreams streams = start(failingTopology(in, out, failuresLeft), 1, 3)) {
            produce(in, "event-1");
            assertThat(consume(out, 1)).containsExactly("event-1");
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(liveness(streams, 1).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        }
        assertThat(threadFailures("transient", "replace_thread")).isEqualTo(2.0);
        assertThat(threadFailures("transient", "shutdown_client")).isZero();
        assertThat(meters.counter(FailureMetrics.PROCESSING_ERRORS, "node", "fails", "exception",
                RegistryUnavailableException.class.getName(), "action", "retried").count()).isEqualTo(2.0);
    }

    @Test
    void aTransientCauseThatOutlastsTheBudgetStopsTheClientAndLivenessGoesDown() {
        String in = topic("budget-in");
        String out = topic("budget-out");
        kafka.createTopics(1, List.of(in, out));
        try (KafkaStreams streams = start(failingTopology(in, out, new AtomicInteger(Integer.MAX_VALUE)), 1, 2)) {
            produce(in, "event-1");
            await(() -> streams.state() == KafkaStreams.State.ERROR);
            HealthCheckResponse live = liveness(streams, 1);
            assertThat(live.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(live.getData().orElseThrow()).containsEntry("reason", "streams-error");
        }
        assertThat(threadFailures("transient", "replace_thread")).isEqualTo(2.0);
        assertThat(threadFailures("transient", "shutdown_client")).isEqualTo(1.0);
    }

    @Test
    void aConfigurationErrorStopsTheClientWithoutAReplacement() {
        String missing = topic("never-created");
        String out = topic("config-out");
        kafka.createTopics(1, List.of(out));
        try (KafkaStreams streams = start(failingTopology(missing, out, new AtomicInteger()), 1, 5)) {
            await(() -> streams.state() == KafkaStreams.State.ERROR);
            assertThat(liveness(streams, 1).getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        }
        assertThat(threadFailures("configuration", "shutdown_client")).isEqualTo(1.0);
        assertThat(threadFailures("configuration", "replace_thread")).isZero();
    }

    @Test
    void aStreamThreadGoneWithoutAReplacementMakesLivenessDownWhileStreamsStillRuns() {
        String in = topic("lost-in");
        String out = topic("lost-out");
        kafka.createTopics(2, List.of(in, out));
        try (KafkaStreams streams = start(failingTopology(in, out, new AtomicInteger()), 2, 5)) {
            await(() -> streams.state() == KafkaStreams.State.RUNNING);
            assertThat(liveness(streams, 2).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(streams.removeStreamThread(WAIT)).isPresent();
            await(() -> streams.state() == KafkaStreams.State.RUNNING);
            HealthCheckResponse live = liveness(streams, 2);
            assertThat(live.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(live.getData().orElseThrow()).containsEntry("reason", "stream-thread-lost");
        }
    }

    private HealthCheckResponse liveness(KafkaStreams streams, int configuredThreads) {
        return new GatewayLivenessCheck(streams, new StreamsHealthRules(StreamsHealthRules.DEFAULT_REBALANCE_GRACE),
                new GatewayLivenessCheck.ConfiguredStreamThreads(configuredThreads), meters).call();
    }

    private double threadFailures(String cause, String response) {
        return meters.counter(FailureMetrics.THREAD_FAILURES, "cause", cause, "response", response).count();
    }

    /** in → a node that throws "registry unavailable" while {@code failuresLeft} is positive → out. */
    private static Topology failingTopology(String in, String out, AtomicInteger failuresLeft) {
        Topology topology = new Topology();
        topology.addSource("in", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), in);
        topology.addProcessor("fails", () -> new Processor<byte[], byte[], byte[], byte[]>() {
            private ProcessorContext<byte[], byte[]> context;

            @Override
            public void init(ProcessorContext<byte[], byte[]> context) {
                this.context = context;
            }

            @Override
            public void process(Record<byte[], byte[]> record) {
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new RegistryUnavailableException("registry unreachable (injected)", null);
                }
                context.forward(record);
            }
        }, "in");
        topology.addSink("out", out, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer(), "fails");
        return topology;
    }

    private KafkaStreams start(Topology topology, int threads, int replacementBudget) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "thread-failure-" + System.nanoTime());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // A dead thread's consumer does not leave the group (Streams never does on close), so its replacement gets
        // the task only once the session expires: the broker's minimum keeps the test short.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                QuarantineAwareProcessingExceptionHandler.class.getName());
        props.put(QuarantineAwareProcessingExceptionHandler.METER_REGISTRY_CONFIG, meters);
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(new BoundedThreadReplacementHandler(new FailureMetrics(meters),
                replacementBudget, Duration.ofMinutes(10), Clock.systemUTC()));
        streams.start();
        return streams;
    }

    private static void produce(String topic, String value) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static List<String> consume(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(new String(record.value(), StandardCharsets.UTF_8));
                }
            }
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> values.add(new String(r.value(), StandardCharsets.UTF_8)));
        }
        return values;
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String topic(String name) {
        return name + "-" + System.nanoTime();
    }
}
