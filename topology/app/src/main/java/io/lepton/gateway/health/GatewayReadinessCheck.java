package io.lepton.gateway.health;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the gateway ({@code /q/health/ready}), decided by {@link StreamsHealthRules#readiness}. Enabled by
 * the build property {@code lepton.health.v2=true}, together with {@code quarkus.kafka-streams.health.enabled=false}
 * so Quarkus' topic-only readiness does not answer UP beside it.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "lepton.health.v2", stringValue = "true")
public class GatewayReadinessCheck implements HealthCheck {

    private final StreamsStateTracker streams;
    private final RegistryProbe registry;
    private final BrokerProbe broker;
    private final StreamsHealthRules rules;

    public GatewayReadinessCheck(StreamsStateTracker streams, RegistryProbe registry, BrokerProbe broker,
            StreamsHealthRules rules) {
        this.streams = streams;
        this.registry = registry;
        this.broker = broker;
        this.rules = rules;
    }

    @Override
    public HealthCheckResponse call() {
        StreamsStateTracker.Snapshot state = streams.current();
        HealthVerdict verdict = rules.readiness(state.state(), streams.inState(), registry.reachable(),
                broker.reachable());
        return HealthCheckResponse.named("lepton-gateway-ready").status(verdict.up())
                .withData("reason", verdict.reason()).withData("streams", state.state().name()).build();
    }
}
