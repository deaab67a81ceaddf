package io.lepton.gateway.settings;

import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How an instance takes part in the Kafka Streams group, which decides how fast its tasks move when it dies: the
 * failover settings in one place (README "Guarantees" has the measured times).
 *
 * <p>A killed instance's tasks stay unprocessed until the group notices: the broker waits {@code sessionTimeoutMs}
 * after its last heartbeat, and a survivor hears of the resulting rebalance at its next heartbeat, so the heartbeat
 * interval adds to the pause and is kept at a third of the session by default (Kafka's own rule). The survivor
 * then takes the tasks over from its warm standby copies ({@code standbyReplicas}) instead of restoring their state.
 * A static member ({@code groupInstanceId}, the pod name) that comes back within the session keeps its tasks
 * without a rebalance; one that comes back later gets them back at once where its state is nearly current, and
 * otherwise through warm-up copies, at most {@code maxWarmupReplicas} at a time, moved once caught up at the next
 * probing rebalance ({@code probingRebalanceIntervalMs}).
 *
 * @param groupInstanceId static membership id, empty for dynamic membership
 */
public record GroupMembership(Optional<String> groupInstanceId, int sessionTimeoutMs, int heartbeatIntervalMs,
        int standbyReplicas, int maxWarmupReplicas, int probingRebalanceIntervalMs) {

    /** Kafka Streams refuses a shorter probing interval. */
    private static final int MIN_PROBING_REBALANCE_INTERVAL_MS = 60_000;

    static GroupMembership from(Environment env) {
        int session = env.integer(SettingVariable.KAFKA_STREAMS_SESSION_TIMEOUT_MS, 1000);
        int heartbeat = env.optionalInteger(SettingVariable.KAFKA_STREAMS_HEARTBEAT_INTERVAL_MS, 1)
                .orElse(session / 3);
        if (heartbeat >= session) {
            throw new InvalidSettingException(SettingVariable.KAFKA_STREAMS_HEARTBEAT_INTERVAL_MS,
                    heartbeat + " ms is not shorter than the session timeout of " + session + " ms",
                    "set less than KAFKA_STREAMS_SESSION_TIMEOUT_MS (a third of it is usual), or unset it");
        }
        return new GroupMembership(env.optional(SettingVariable.KAFKA_STREAMS_GROUP_INSTANCE_ID), session, heartbeat,
                env.integer(SettingVariable.KAFKA_STREAMS_NUM_STANDBY_REPLICAS, 0),
                env.integer(SettingVariable.KAFKA_STREAMS_MAX_WARMUP_REPLICAS, 1),
                env.integer(SettingVariable.KAFKA_STREAMS_PROBING_REBALANCE_INTERVAL_MS,
                        MIN_PROBING_REBALANCE_INTERVAL_MS));
    }

    void putInto(Properties props) {
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        props.put(StreamsConfig.MAX_WARMUP_REPLICAS_CONFIG, maxWarmupReplicas);
        props.put(StreamsConfig.PROBING_REBALANCE_INTERVAL_MS_CONFIG, (long) probingRebalanceIntervalMs);
        groupInstanceId.ifPresent(id -> props.put(
                StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), id));
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), sessionTimeoutMs);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), heartbeatIntervalMs);
    }
}
