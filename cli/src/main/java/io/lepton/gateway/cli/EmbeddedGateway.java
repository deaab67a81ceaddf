package io.lepton.gateway.cli;

import io.lepton.embedded.EmbeddedEnvironment;
import io.lepton.embedded.TempDirectories;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.settings.GatewaySettings;
import io.lepton.gateway.streams.GatewayTopics;
import io.lepton.gateway.streams.GatewayTopology;
import io.lepton.gateway.streams.RecordCodec;
import io.lepton.gateway.streams.Lanes;
import io.lepton.gateway.streams.OutputSchemas;
import io.lepton.serdes.registry.RegistryClientConfig;
import io.lepton.serdes.registry.RestSchemaRegistryClient;
import io.lepton.serdes.registry.SchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The real gateway topology running on the embedded broker and registry: what {@code replay} and {@code demo} run.
 * Closing it stops Kafka Streams, the broker and the registry process and deletes the state directory.
 */
final class EmbeddedGateway implements AutoCloseable {

    static final String APPLICATION_ID = "lepton-gateway-embedded";
    static final int PARTITIONS = 2;

    private final EmbeddedEnvironment environment;
    private final GatewayEngine engine;
    private final SchemaRegistryClient registry;
    private final RecordCodec codec;
    private final KafkaStreams streams;
    private final Path stateDir;

    private EmbeddedGateway(EmbeddedEnvironment environment, GatewayEngine engine, SchemaRegistryClient registry,
            RecordCodec codec, KafkaStreams streams, Path stateDir) {
        this.environment = environment;
        this.engine = engine;
        this.registry = registry;
        this.codec = codec;
        this.streams = streams;
        this.stateDir = stateDir;
    }

    /** Starts broker, registry and topology, and waits until the topology is running. */
    static EmbeddedGateway start(GatewayEngine engine) {
        EmbeddedEnvironment environment = EmbeddedEnvironment.start();
        try {
            environment.kafka().createTopics(PARTITIONS, GatewayTopics.all(engine));
            SchemaRegistryClient registry = new RestSchemaRegistryClient(
                    RegistryClientConfig.builder(environment.registry().confluentApiUrl()).build());
            RecordCodec codec = new RecordCodec(registry, engine.families().all());
            OutputSchemas.registerAll(engine, Lanes.of(engine), codec);
            Path stateDir = Files.createTempDirectory("lepton-streams");
            KafkaStreams streams = new KafkaStreams(GatewayTopology.build(engine, codec, new SimpleMeterRegistry(),
                    PARTITIONS), GatewaySettings.singleBroker(APPLICATION_ID,
                    StreamsConfig.EXACTLY_ONCE_V2, environment.kafka().bootstrapServers(), stateDir).streams()
                    .toProperties());
            streams.start();
            awaitRunning(streams, Duration.ofSeconds(60));
            return new EmbeddedGateway(environment, engine, registry, codec, streams, stateDir);
        } catch (IOException e) {
            environment.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            environment.close();
            throw e;
        }
    }

    private static void awaitRunning(KafkaStreams streams, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (streams.state() == KafkaStreams.State.ERROR || System.nanoTime() > deadline) {
                streams.close(Duration.ofSeconds(10));
                throw new IllegalStateException("the gateway topology did not start (state " + streams.state() + ")");
            }
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    GatewayEngine engine() {
        return engine;
    }

    SchemaRegistryClient registry() {
        return registry;
    }

    RecordCodec codec() {
        return codec;
    }

    KafkaStreams streams() {
        return streams;
    }

    String bootstrapServers() {
        return environment.kafka().bootstrapServers();
    }

    String registryUrl() {
        return environment.registry().confluentApiUrl();
    }

    @Override
    public void close() {
        try {
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
        } finally {
            environment.close();
            TempDirectories.delete(stateDir);
        }
    }
}
