package io.lepton.gateway.cli.bench;

import io.lepton.embedded.TempDirectories;
import io.lepton.gateway.settings.GatewaySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * One Kafka Streams application of the bench, as one or more instances sharing its partitions (as replicas of a
 * deployment do); closing it stops them and deletes their state directories. A throughput run does not wait for the
 * group to settle: its clock starts at the first committed progress ({@link ThroughputProbe}), so with two instances
 * it includes the rebalance that splits the partitions between them, as a scale-out in production would. A latency
 * run waits until every instance runs, since it reads only what is produced from then on.
 * Both contenders get exactly the settings production gets ({@link GatewaySettings}: snappy, a producer linger of one
 * commit interval under exactly-once, {@code max.task.idle.ms=-1}) with a 100 ms commit interval under both
 * guarantees, so that progress (committed offsets) is visible at a fine grain.
 *
 * <p>All instances run in the bench's JVM; an instance's CPU time is that of the threads named after its client id
 * (stream thread, state updater, its producer's and consumer's network threads).
 */
final class StreamsApp implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final List<KafkaStreams> instances = new ArrayList<>();
    private final List<String> clientIds = new ArrayList<>();
    private final List<Path> stateDirs = new ArrayList<>();

    private StreamsApp() {
    }

    /**
     * @param fromStart read the inputs from offset 0 (throughput, returns at once), or only what arrives from now on
     *     (latency, returns once every instance runs)
     * @param instances instances of the application, one stream thread each
     */
    static StreamsApp start(Topology topology, String applicationId, String guarantee, String bootstrapServers,
            boolean fromStart, int instances) {
        StreamsApp app = new StreamsApp();
        try {
            for (int i = 0; i < instances; i++) {
                Path stateDir = Files.createTempDirectory("lepton-bench-streams");
                app.stateDirs.add(stateDir);
                String clientId = applicationId + "-instance-" + i;
                Properties props = GatewaySettings.singleBroker(applicationId, guarantee, bootstrapServers, stateDir)
                        .streams().toProperties();
                props.put(StreamsConfig.CLIENT_ID_CONFIG, clientId);
                props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG),
                        fromStart ? "earliest" : "latest");
                KafkaStreams streams = new KafkaStreams(topology, props);
                app.instances.add(streams);
                app.clientIds.add(clientId);
                streams.start();
            }
            if (!fromStart) {
                app.awaitRunning();
            }
        } catch (IOException e) {
            app.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    private void awaitRunning() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        for (KafkaStreams streams : instances) {
            while (streams.state() != KafkaStreams.State.RUNNING) {
                if (streams.state() == KafkaStreams.State.ERROR || System.nanoTime() > deadline) {
                    throw new IllegalStateException("bench topology did not start (state " + streams.state() + ")");
                }
                Pause.millis(20);
            }
        }
    }

    /** Fails when an instance stopped on an error (a bench number from a dead app would be meaningless). */
    void requireAlive() {
        for (KafkaStreams streams : instances) {
            KafkaStreams.State state = streams.state();
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                    || state == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException("bench topology stopped (state " + state + ")");
            }
        }
    }

    /** CPU time so far of each instance's threads, nanoseconds, in instance order. */
    long[] instanceCpuNanos() {
        long[] cpu = new long[instances.size()];
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread == null) {
                continue;
            }
            for (int i = 0; i < clientIds.size(); i++) {
                if (thread.getThreadName().contains(clientIds.get(i))) {
                    cpu[i] += Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
                }
            }
        }
        return cpu;
    }

    /** Records the instances' producers have sent, by topic (the producers' {@code record-send-total}). */
    Map<String, Long> recordsSentByTopic() {
        Map<String, Long> sent = new HashMap<>();
        for (KafkaStreams streams : instances) {
            for (Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
                MetricName name = metric.getKey();
                if (name.group().equals("producer-topic-metrics") && name.name().equals("record-send-total")) {
                    sent.merge(name.tags().get("topic"),
                            ((Number) metric.getValue().metricValue()).longValue(), Long::sum);
                }
            }
        }
        return sent;
    }

    @Override
    public void close() {
        try {
            for (KafkaStreams streams : instances) {
                streams.close(Duration.ofSeconds(30));
                streams.cleanUp();
            }
        } finally {
            stateDirs.forEach(TempDirectories::delete);
        }
    }
}
