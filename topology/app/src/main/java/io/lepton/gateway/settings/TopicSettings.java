package io.lepton.gateway.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics the gateway creates itself at start-up (inputs and every lane's outputs), with the same replication as
 * the internal topics Kafka Streams creates ({@link StreamsSettings}), so no topic silently gets a broker default.
 *
 * @param replicationFactor empty for the broker default
 * @param minInsyncReplicas empty for the broker default
 */
public record TopicSettings(boolean create, int partitions, Optional<Short> replicationFactor,
        Optional<Integer> minInsyncReplicas) {

    static TopicSettings from(Environment env) {
        int replication = env.integer(SettingVariable.LEPTON_REPLICATION_FACTOR, -1);
        if (replication == 0) {
            throw new InvalidSettingException(SettingVariable.LEPTON_REPLICATION_FACTOR, "0 replicas",
                    "set -1 for the broker default, or 1 or more");
        }
        return new TopicSettings(env.bool(SettingVariable.LEPTON_CREATE_TOPICS),
                env.integer(SettingVariable.LEPTON_TOPIC_PARTITIONS, 1),
                replication < 0 ? Optional.empty() : Optional.of((short) replication),
                env.optionalInteger(SettingVariable.LEPTON_MIN_INSYNC_REPLICAS, 1));
    }

    /** Topic-level configuration of a created topic. */
    public Map<String, String> topicConfig() {
        Map<String, String> config = new HashMap<>();
        minInsyncReplicas.ifPresent(isr -> config.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(isr)));
        return config;
    }
}
