package io.lepton.gateway.cli.bench;

import io.lepton.embedded.TempDirectories;
import io.lepton.gateway.streams.GatewayTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * One Kafka Streams application of the bench, started and awaited until running; closing it stops it and deletes its
 * state directory. Both contenders get exactly the same settings: those of the production configuration (snappy,
 * {@link #lingerMillis}, {@link GatewayTopology#STREAMS_SETTINGS}) plus a 100 ms commit interval under both
 * guarantees, so that progress (committed offsets) is visible at a fine grain.
 */
final class StreamsApp implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int COMMIT_INTERVAL_MS = 100;

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
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.putAll(GatewayTopology.STREAMS_SETTINGS);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), lingerMillis(guarantee));
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "snappy");
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

    /**
     * The production setting: under exactly-once nothing is visible before the commit, so the producer lingers as
     * long as a commit interval and writes fewer, fuller batches; under at-least-once it sends within 5 ms.
     */
    static int lingerMillis(String guarantee) {
        return guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2) ? COMMIT_INTERVAL_MS : 5;
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
