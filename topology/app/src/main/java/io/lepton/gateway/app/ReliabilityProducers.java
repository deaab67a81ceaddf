package io.lepton.gateway.app;

import io.lepton.gateway.failure.BoundedThreadReplacementHandler;
import io.lepton.gateway.failure.FailureMetrics;
import io.lepton.gateway.health.BrokerProbe;
import io.lepton.gateway.health.GatewayLivenessCheck.ConfiguredStreamThreads;
import io.lepton.gateway.health.RegistryProbe;
import io.lepton.gateway.health.StreamsHealthRules;
import io.lepton.gateway.health.StreamsStateTracker;
import io.lepton.gateway.settings.GatewaySettings;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;
import org.eclipse.microprofile.config.Config;

/**
 * What keeps the gateway honest when something fails: the handler Kafka Streams asks when a stream thread dies, the
 * state listener readiness reads, and the probes and rules of the health checks. Quarkus' Kafka Streams extension
 * installs a {@link org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler} bean and a
 * {@link org.apache.kafka.streams.KafkaStreams.StateListener} bean on the client it builds.
 */
@ApplicationScoped
public class ReliabilityProducers {

    /**
     * Below the probes' 5 s timeout in the manifests, so a slow registry and a slow broker together still answer
     * in time (with DOWN) instead of the kubelet timing the probe out.
     */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    @Produces
    @Singleton
    BoundedThreadReplacementHandler uncaughtExceptionHandler(MeterRegistry meters) {
        return new BoundedThreadReplacementHandler(new FailureMetrics(meters));
    }

    @Produces
    @Singleton
    StreamsStateTracker streamsState() {
        return new StreamsStateTracker(Clock.systemUTC());
    }

    @Produces
    @Singleton
    StreamsHealthRules healthRules() {
        return new StreamsHealthRules(StreamsHealthRules.DEFAULT_REBALANCE_GRACE);
    }

    @Produces
    @Singleton
    RegistryProbe registryProbe(GatewaySettings settings) {
        // The client accepts a comma-separated list of registries; the probe asks each until one answers.
        return new RegistryProbe(Arrays.stream(settings.registry().url().split(",")).map(String::trim)
                .filter(url -> !url.isEmpty()).map(URI::create).toList(), PROBE_TIMEOUT);
    }

    @Produces
    @Singleton
    Admin probeAdmin(GatewaySettings settings) {
        return Admin.create(settings.streams().adminProperties());
    }

    void closeProbeAdmin(@Disposes Admin admin) {
        admin.close(PROBE_TIMEOUT);
    }

    @Produces
    @Singleton
    BrokerProbe brokerProbe(Admin admin) {
        return new BrokerProbe(admin, PROBE_TIMEOUT);
    }

    /**
     * The thread count Kafka Streams was actually given: the extension's {@code kafka-streams.*} property, which the
     * settings source fills and an operator may still override.
     */
    @Produces
    @Singleton
    ConfiguredStreamThreads configuredStreamThreads(Config config) {
        return new ConfiguredStreamThreads(config.getOptionalValue(
                "kafka-streams." + StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.class).orElse(1));
    }
}
