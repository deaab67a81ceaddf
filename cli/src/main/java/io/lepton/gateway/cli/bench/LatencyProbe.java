package io.lepton.gateway.cli.bench;

import io.lepton.loadtest.generator.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * End-to-end latency at a fixed offered load: a paced producer stamps each raw record's timestamp with its send time
 * (the event time Kafka Streams carries through to the output record), and a consumer of the contender's outputs
 * records consume time minus that timestamp. Under exactly-once the consumer reads committed data only, as
 * downstream services do.
 *
 * <p>Kafka timestamps have millisecond resolution, so each sample carries up to 1 ms of truncation (0.5 ms on
 * average); the same for both contenders, so differences between them are unaffected.
 */
final class LatencyProbe {

    /** Samples up to a minute, three significant digits, in microseconds. */
    private static final long MAX_MICROS = 60_000_000L;
    private static final long DRAIN_QUIET_MILLIS = 1_000;
    private static final long DRAIN_MAX_MILLIS = 10_000;

    private final String bootstrapServers;
    private final List<BenchInput.Message> messages;

    LatencyProbe(String bootstrapServers, List<BenchInput.Message> messages) {
        this.bootstrapServers = bootstrapServers;
        this.messages = messages;
    }

    /**
     * Produces at {@code ratePerSecond} for {@code duration}, and records the latency of every output that comes from
     * a record sent after {@code warmup} into {@code histogram} (microseconds).
     */
    void measure(List<String> outputTopics, boolean readCommitted, double ratePerSecond, Duration duration,
            Duration warmup, Histogram histogram) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(readCommitted)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : outputTopics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            long measureFromMillis = System.currentTimeMillis() + warmup.toMillis();
            Thread producer = new Thread(() -> producePaced(ratePerSecond, duration), "lepton-bench-paced-producer");
            producer.start();
            long lastReceived = System.nanoTime();
            long producerDone = 0;
            while (true) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    lastReceived = System.nanoTime();
                    if (record.timestamp() >= measureFromMillis) {
                        histogram.recordValue(latencyMicros(record.timestamp()));
                    }
                }
                long now = System.nanoTime();
                if (producerDone == 0 && !producer.isAlive()) {
                    producerDone = now;
                }
                // Done once the outputs have been quiet for a while after the last send (or, at worst, after a cap).
                if (producerDone != 0 && (now - lastReceived >= TimeUnit.MILLISECONDS.toNanos(DRAIN_QUIET_MILLIS)
                        || now - producerDone >= TimeUnit.MILLISECONDS.toNanos(DRAIN_MAX_MILLIS))) {
                    return;
                }
            }
        }
    }

    private void producePaced(double ratePerSecond, Duration duration) {
        RateLimiter limiter = RateLimiter.perSecond(ratePerSecond);
        long deadline = System.nanoTime() + duration.toNanos();
        try (KafkaProducer<byte[], byte[]> producer = BenchInput.producer(bootstrapServers, 0)) {
            for (int i = 0; System.nanoTime() < deadline; i = (i + 1) % messages.size()) {
                limiter.acquire();
                BenchInput.Message message = messages.get(i);
                producer.send(new ProducerRecord<>(message.topic(), null, System.currentTimeMillis(), message.key(),
                        message.value()));
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer(boolean readCommitted) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "lepton-bench-latency-consumer");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    static Histogram newHistogram() {
        return new Histogram(MAX_MICROS, 3);
    }

    /** Now minus {@code timestampMillis}, in microseconds, within the histogram's range. */
    private static long latencyMicros(long timestampMillis) {
        Instant now = Instant.now();
        long nowMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        return Math.min(MAX_MICROS, Math.max(0, nowMicros - timestampMillis * 1_000));
    }
}
