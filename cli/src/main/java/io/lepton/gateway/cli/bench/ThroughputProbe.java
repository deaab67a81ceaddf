package io.lepton.gateway.cli.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Measures how fast a Streams application works through a fixed backlog, from its committed offsets.
 *
 * <p>The clock starts at the first commit that shows progress, not at start-up, so group join and task assignment
 * are not charged to the topology; it stops when the committed offsets reach the end of every input. Committed
 * offsets mean the output is durable (under exactly-once: its transaction committed), so what is measured is
 * records fully processed, not merely read.
 */
final class ThroughputProbe implements AutoCloseable {

    private static final long POLL_MILLIS = 50;

    /**
     * Records processed, the measured window and the CPU time in it.
     *
     * @param records records committed within the window
     * @param cpuNanos the whole JVM's CPU time (broker and clients included)
     * @param instanceCpuNanos CPU time of each Streams instance's own threads
     */
    record Measurement(long records, long wallNanos, long cpuNanos, long[] instanceCpuNanos) {
        double recordsPerSecond() {
            return records * 1e9 / wallNanos;
        }

        double cpuMillisPerThousand() {
            return cpuNanos / 1e6 / records * 1000;
        }

        /** JVM CPU-seconds per wall-clock second: how many of the machine's cores the run kept busy. */
        double coresBusy() {
            return (double) cpuNanos / wallNanos;
        }

        /** Both measurements as one: totals of records, time and CPU. */
        Measurement plus(Measurement other) {
            long[] instances = instanceCpuNanos.clone();
            for (int i = 0; i < instances.length; i++) {
                instances[i] += other.instanceCpuNanos[i];
            }
            return new Measurement(records + other.records, wallNanos + other.wallNanos, cpuNanos + other.cpuNanos,
                    instances);
        }
    }

    private final Admin admin;
    private final Map<TopicPartition, Long> ends = new HashMap<>();
    private final long total;

    /** Reads the current end offsets of {@code inputs}: the backlog every measured application must drain. */
    ThroughputProbe(String bootstrapServers, List<String> inputs, int partitions) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : inputs) {
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        try {
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
        } catch (ExecutionException | TimeoutException e) {
            admin.close();
            throw new IllegalStateException("cannot read input end offsets: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            admin.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        this.total = ends.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records in the backlog. */
    long total() {
        return total;
    }

    /** Waits until group {@code applicationId} has committed the whole backlog, and measures how fast it did. */
    Measurement await(String applicationId, StreamsApp app, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long startNanos = 0;
        long startCpu = 0;
        long[] startInstanceCpu = null;
        long startRecords = -1;
        while (true) {
            long committed = committed(applicationId);
            long now = System.nanoTime();
            long cpu = ProcessCpu.nanos();
            if (startRecords < 0 && committed > 0) {
                startNanos = now;
                startCpu = cpu;
                startInstanceCpu = app.instanceCpuNanos();
                startRecords = committed;
            }
            if (committed >= total) {
                if (committed == startRecords) {
                    throw new IllegalStateException("the backlog of " + total + " records drained between two "
                            + "progress checks; use more --events");
                }
                long[] instanceCpu = app.instanceCpuNanos();
                for (int i = 0; i < instanceCpu.length; i++) {
                    instanceCpu[i] -= startInstanceCpu[i];
                }
                return new Measurement(committed - startRecords, now - startNanos, cpu - startCpu, instanceCpu);
            }
            if (now > deadline) {
                throw new IllegalStateException(applicationId + " committed " + committed + " of " + total
                        + " records within " + timeout);
            }
            app.requireAlive();
            Pause.millis(POLL_MILLIS);
        }
    }

    private long committed(String applicationId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            long sum = 0;
            for (TopicPartition tp : ends.keySet()) {
                OffsetAndMetadata offset = offsets.get(tp);
                sum += offset == null ? 0 : Math.min(offset.offset(), ends.get(tp));
            }
            return sum;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read committed offsets of " + applicationId + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
