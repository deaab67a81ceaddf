package io.lepton.gateway.health;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the gateway ({@code /q/health/live}), decided by {@link StreamsHealthRules#liveness}: counts the
 * stream threads that are neither dead nor shutting down against the configured {@code num.stream.threads}. It
 * replaces Quarkus' own Kafka Streams liveness, like {@link GatewayReadinessCheck}, and keeps its answer as the gauge
 * {@code lepton_health_status{check="live"}}.
 */
@Liveness
@ApplicationScoped
public class GatewayLivenessCheck implements HealthCheck {

    private final KafkaStreams streams;
    private final StreamsHealthRules rules;
    private final ConfiguredStreamThreads configured;
    private final HealthGauge gauge;

    public GatewayLivenessCheck(KafkaStreams streams, StreamsHealthRules rules, ConfiguredStreamThreads configured,
            MeterRegistry meters) {
        this.streams = streams;
        this.rules = rules;
        this.configured = configured;
        this.gauge = new HealthGauge(meters, "live");
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.state();
        boolean active = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        int alive = !active ? 0 : (int) streams.metadataForLocalThreads().stream()
                .map(ThreadMetadata::threadState)
                .filter(threadState -> !"DEAD".equals(threadState) && !"PENDING_SHUTDOWN".equals(threadState))
                .count();
        HealthVerdict verdict = rules.liveness(state, alive, configured.count());
        gauge.record(verdict);
        return HealthCheckResponse.named("lepton-gateway-live").status(verdict.up())
                .withData("reason", verdict.reason()).withData("streams", state.name())
                .withData("aliveThreads", alive).build();
    }

    /** The configured {@code num.stream.threads}, produced by the application's settings. */
    public record ConfiguredStreamThreads(int count) {
    }
}
