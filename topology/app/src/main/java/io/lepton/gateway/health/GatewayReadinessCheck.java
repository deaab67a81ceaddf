package io.lepton.gateway.health;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the gateway ({@code /q/health/ready}), decided by {@link StreamsHealthRules#readiness}. It replaces
 * Quarkus' own Kafka Streams readiness ({@code quarkus.kafka-streams.health.enabled=false}), which looks only at the
 * source topics and so stayed UP with Streams in ERROR. Each answer is also kept as the gauge
 * {@code lepton_health_status{check="ready"}}, so an alert sees what the orchestrator saw.
 */
@Readiness
@ApplicationScoped
public class GatewayReadinessCheck implements HealthCheck {

    private final StreamsStateTracker streams;
    private final RegistryProbe registry;
    private final BrokerProbe broker;
    private final StreamsHealthRules rules;
    private final HealthGauge gauge;

    public GatewayReadinessCheck(StreamsStateTracker streams, RegistryProbe registry, BrokerProbe broker,
            StreamsHealthRules rules, MeterRegistry meters) {
        this.streams = streams;
        this.registry = registry;
        this.broker = broker;
        this.rules = rules;
        this.gauge = new HealthGauge(meters, "ready");
    }

    @Override
    public HealthCheckResponse call() {
        StreamsStateTracker.Snapshot state = streams.current();
        HealthVerdict verdict = rules.readiness(state.state(), streams.inState(), registry.reachable(),
                broker.reachable());
        gauge.record(verdict);
        return HealthCheckResponse.named("lepton-gateway-ready").status(verdict.up())
                .withData("reason", verdict.reason()).withData("streams", state.state().name()).build();
    }
}
