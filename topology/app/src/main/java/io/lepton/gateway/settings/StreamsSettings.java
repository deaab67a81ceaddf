package io.lepton.gateway.settings;

import io.lepton.gateway.failure.QuarantineAwareProcessingExceptionHandler;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How Kafka Streams and its clients run the gateway topology: the same for {@code run}, {@code demo}, {@code replay}
 * and {@code bench}, which differ only in the values they pass.
 *
 * <p>Fixed choices: a processing exception handler that counts failures (the nodes themselves quarantine the
 * record, fail closed; see {@code FailClosedProcessor}); and, measured by {@code ./gateway bench}: {@code max.task.idle.ms=-1}, since a task reads the raw topics
 * and the (usually empty) subject hop and Kafka Streams' default would hold records back until the empty partitions
 * are known to be caught up, and nothing here needs cross-partition timestamp order (windows, periods and stream
 * time all come from each event's own {@code occurredAt}); and under exactly-once a producer linger of one commit
 * interval, since nothing is visible to {@code read_committed} consumers before the commit anyway.
 *
 * <p>Under exactly-once, {@code transactionTimeoutMs} bounds how long a crashed instance's open transaction holds
 * back every {@code read_committed} reader of the partitions it wrote, the survivors' tasks reading the subject hop
 * included, until the broker aborts it (one abort-check interval later at most); a live transaction lasts one
 * commit interval plus the time to process and flush that interval's records, so the default of 5 s (Kafka Streams'
 * own: 10 s) leaves room for slow commits and pauses, and a transaction that still overruns it is aborted and its
 * tasks rejoin the group, fenced, never duplicated. It must be longer than the commit interval.
 *
 * <p>Compression defaults to none because the sanitized topics are read by every kind of client: KafkaJS, for one,
 * throws on snappy, lz4 and zstd batches unless a codec package is installed. Where all consumers can, snappy is
 * the measured choice for this fan-out (many partitions, small batches: Kafka's lz4 writer allocates two fresh
 * 64 KB blocks per batch where snappy's recycles its buffers); gzip is readable everywhere but costs the most CPU.
 *
 * @param replicationFactor of the internal topics Kafka Streams creates (-1: the broker default)
 * @param minInsyncReplicas of those topics, empty for the broker default
 * @param membership group membership and failover: static id, session, standbys, warm-up
 * @param security Kafka client security settings ({@code security.protocol}, {@code sasl.*}, {@code ssl.*})
 */
public record StreamsSettings(String applicationId, String bootstrapServers, String processingGuarantee, int threads,
        int commitIntervalMs, String stateDir, GroupMembership membership, int transactionTimeoutMs,
        int producerLingerMs, String compressionType, int replicationFactor, Optional<Integer> minInsyncReplicas,
        Map<String, String> security) {

    public StreamsSettings {
        security = Map.copyOf(security);
    }

    static StreamsSettings from(Environment env) {
        String guarantee = env.oneOf(SettingVariable.KAFKA_STREAMS_PROCESSING_GUARANTEE,
                StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE);
        int commitInterval = env.integer(SettingVariable.KAFKA_STREAMS_COMMIT_INTERVAL_MS, 1);
        int defaultLinger = guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2) ? commitInterval : 5;
        int transactionTimeout = env.integer(SettingVariable.KAFKA_PRODUCER_TRANSACTION_TIMEOUT_MS, 1);
        if (guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2) && transactionTimeout <= commitInterval) {
            throw new InvalidSettingException(SettingVariable.KAFKA_PRODUCER_TRANSACTION_TIMEOUT_MS,
                    transactionTimeout + " ms is not longer than the commit interval of " + commitInterval + " ms",
                    "set it above KAFKA_STREAMS_COMMIT_INTERVAL_MS, or unset it for the default");
        }
        return new StreamsSettings(
                env.string(SettingVariable.KAFKA_STREAMS_APPLICATION_ID),
                env.string(SettingVariable.KAFKA_BOOTSTRAP_SERVERS),
                guarantee,
                env.integer(SettingVariable.KAFKA_STREAMS_THREADS, 1),
                commitInterval,
                env.string(SettingVariable.KAFKA_STREAMS_STATE_DIR),
                GroupMembership.from(env),
                transactionTimeout,
                env.optionalInteger(SettingVariable.KAFKA_PRODUCER_LINGER_MS, 0).orElse(defaultLinger),
                env.oneOf(SettingVariable.KAFKA_PRODUCER_COMPRESSION_TYPE, "none", "gzip", "snappy", "lz4", "zstd"),
                env.integer(SettingVariable.LEPTON_REPLICATION_FACTOR, -1),
                env.optionalInteger(SettingVariable.LEPTON_MIN_INSYNC_REPLICAS, 1),
                env.kafkaSecurity());
    }

    /** The complete Kafka Streams configuration. */
    public Properties toProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                QuarantineAwareProcessingExceptionHandler.class.getName());
        minInsyncReplicas.ifPresent(isr -> props.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), isr));
        membership.putInto(props);
        if (processingGuarantee.equals(StreamsConfig.EXACTLY_ONCE_V2)) {
            props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), transactionTimeoutMs);
        }
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), producerLingerMs);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), compressionType);
        props.putAll(security);
        return props;
    }

    /** Settings for an admin client on the same cluster with the same security (topic creation at start-up). */
    public Map<String, Object> adminProperties() {
        Map<String, Object> admin = new java.util.HashMap<>(security);
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return admin;
    }
}
