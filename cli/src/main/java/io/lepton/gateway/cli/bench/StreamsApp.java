package io.lepton.gateway.cli.bench;

import io.lepton.embedded.TempDirectories;
import io.lepton.gateway.settings.GatewaySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * One Kafka Streams application of the bench, started and awaited until running; closing it stops it and deletes its
 * state directory. Both contenders get exactly the settings production gets ({@link GatewaySettings}: snappy, a
 * producer linger of one commit interval under exactly-once, {@code max.task.idle.ms=-1}) with a 100 ms commit
 * interval under both guarantees, so that progress (committed offsets) is visible at a fine grain.
 */
final class StreamsApp implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaStreams streams;
    private final Path stateDir;

    private StreamsApp(KafkaStreams streams, Path stateDir) {
        this.streams = streams;
        this.stateDir = stateDir;
    }

    /**
     * @param fromStart read the inputs from offset 0 (throughput), or only what arrives from now on (latency)
     */
    static StreamsApp start(Topology topology, String applicationId, String guarantee, String bootstrapServers,
            boolean fromStart) {
        Path stateDir;
        try {
            stateDir = Files.createTempDirectory("lepton-bench-streams");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties props = GatewaySettings.singleBroker(applicationId, guarantee, bootstrapServers, stateDir).streams().toProperties();
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG),
                fromStart ? "earliest" : "latest");
        KafkaStreams streams = new KafkaStreams(topology, props);
        StreamsApp app = new StreamsApp(streams, stateDir);
        try {
            streams.start();
            app.awaitRunning();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    private void awaitRunning() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (streams.state() == KafkaStreams.State.ERROR || System.nanoTime() > deadline) {
                throw new IllegalStateException("bench topology did not start (state " + streams.state() + ")");
            }
            Pause.millis(20);
        }
    }

    /** Fails when the application stopped on an error (a bench number from a dead app would be meaningless). */
    void requireAlive() {
        KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                || state == KafkaStreams.State.NOT_RUNNING) {
            throw new IllegalStateException("bench topology stopped (state " + state + ")");
        }
    }

    @Override
    public void close() {
        try {
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
        } finally {
            TempDirectories.delete(stateDir);
        }
    }
}
