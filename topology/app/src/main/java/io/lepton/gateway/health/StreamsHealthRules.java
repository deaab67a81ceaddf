package io.lepton.gateway.health;

import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams.State;

/**
 * When the gateway is ready and when it is alive, as plain functions of what the probes observed.
 *
 * <p>Why two different questions: readiness tells the load balancer and the rollout whether this instance is doing
 * its work now (a registry outage makes it not ready, but a restart would not help, so it stays alive); liveness
 * tells the orchestrator to restart it, which is right only when Kafka Streams cannot recover by itself.
 */
public final class StreamsHealthRules {

    /** Default time a rebalance may take before the instance stops counting as ready. */
    public static final Duration DEFAULT_REBALANCE_GRACE = Duration.ofSeconds(60);

    private final Duration rebalanceGrace;

    public StreamsHealthRules(Duration rebalanceGrace) {
        if (rebalanceGrace.isNegative()) {
            throw new IllegalArgumentException("rebalance grace must be >= 0, was " + rebalanceGrace);
        }
        this.rebalanceGrace = rebalanceGrace;
    }

    /**
     * Ready while RUNNING, or REBALANCING for at most the grace (a rebalance on a scale-out or a rolling restart is
     * normal and short; one that lasts is not), and only while the registry and the broker answer.
     */
    public HealthVerdict readiness(State state, Duration inState, boolean registryReachable,
            boolean brokerReachable) {
        if (state == State.REBALANCING && inState.compareTo(rebalanceGrace) > 0) {
            return HealthVerdict.down("rebalancing-too-long");
        }
        if (state != State.RUNNING && state != State.REBALANCING) {
            return HealthVerdict.down("streams-" + state.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!brokerReachable) {
            return HealthVerdict.down("broker-unreachable");
        }
        if (!registryReachable) {
            return HealthVerdict.down("registry-unreachable");
        }
        return HealthVerdict.up(state == State.RUNNING ? "running" : "rebalancing");
    }

    /**
     * Alive unless Streams has stopped for good (ERROR, PENDING_ERROR, NOT_RUNNING, PENDING_SHUTDOWN) or fewer stream
     * threads are alive than configured (one died and was not replaced). CREATED and REBALANCING are alive: start-up
     * and restores take their time, and readiness already keeps traffic away.
     */
    public HealthVerdict liveness(State state, int aliveThreads, int configuredThreads) {
        switch (state) {
            case ERROR, PENDING_ERROR, NOT_RUNNING, PENDING_SHUTDOWN -> {
                return HealthVerdict.down("streams-" + state.name().toLowerCase(java.util.Locale.ROOT));
            }
            default -> {
                if ((state == State.RUNNING || state == State.REBALANCING) && aliveThreads < configuredThreads) {
                    return HealthVerdict.down("stream-thread-lost");
                }
                return HealthVerdict.up(state.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }
}
