package io.lepton.gateway.settings;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics the gateway creates itself at start-up (inputs and every lane's outputs), with the same replication as
 * the internal topics Kafka Streams creates ({@link StreamsSettings}), so no topic silently gets a broker default.
 *
 * <p>The lanes' internal topics (the DP contributions hop, the fairness counts) get a bounded retention: their records
 * are read within seconds, and the contributions carry keyed subject tokens, which are personal data that should not
 * outlive their use. Kafka Streams purges its own repartition topics after each commit; a processor-API hop cannot
 * ask for that, so time-based retention with short segments (retention only deletes closed segments) bounds them.
 *
 * @param replicationFactor empty for the broker default
 * @param minInsyncReplicas empty for the broker default
 * @param internalRetention how long a lane's internal topic keeps a record
 */
public record TopicSettings(boolean create, int partitions, Optional<Short> replicationFactor,
        Optional<Integer> minInsyncReplicas, Duration internalRetention) {

    /**
     * Segment length of an internal topic: retention deletes whole closed segments, so a record may outlive the stated
     * retention by up to this much (the retention setting's minimum is the same hour).
     */
    static final Duration INTERNAL_SEGMENT = Duration.ofHours(1);

    static TopicSettings from(Environment env) {
        int replication = env.integer(SettingVariable.LEPTON_REPLICATION_FACTOR, -1);
        if (replication == 0) {
            throw new InvalidSettingException(SettingVariable.LEPTON_REPLICATION_FACTOR, "0 replicas",
                    "set -1 for the broker default, or 1 or more");
        }
        return new TopicSettings(env.bool(SettingVariable.LEPTON_CREATE_TOPICS),
                env.integer(SettingVariable.LEPTON_TOPIC_PARTITIONS, 1),
                replication < 0 ? Optional.empty() : Optional.of((short) replication),
                env.optionalInteger(SettingVariable.LEPTON_MIN_INSYNC_REPLICAS, 1),
                Duration.ofHours(env.integer(SettingVariable.LEPTON_INTERNAL_TOPIC_RETENTION_HOURS, 1)));
    }

    /** Topic-level configuration of a created topic. */
    public Map<String, String> topicConfig() {
        Map<String, String> config = new HashMap<>();
        minInsyncReplicas.ifPresent(isr -> config.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(isr)));
        return config;
    }

    /** Topic-level configuration of a lane's internal topic: {@link #topicConfig()} plus the bounded retention. */
    public Map<String, String> internalTopicConfig() {
        Map<String, String> config = topicConfig();
        config.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        config.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(internalRetention.toMillis()));
        config.put(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(INTERNAL_SEGMENT.toMillis()));
        return config;
    }
}
