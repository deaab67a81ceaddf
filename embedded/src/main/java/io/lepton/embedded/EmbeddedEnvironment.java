package io.lepton.embedded;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The embedded broker and schema registry together: everything the gateway needs to run on one machine without
 * Docker. Both start in parallel (the registry's JVM boots while the broker formats its log), so the pair is ready
 * in about the time of the slower one.
 */
public final class EmbeddedEnvironment implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final ApicurioRegistry registry;

    private EmbeddedEnvironment(EmbeddedKafka kafka, ApicurioRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Starts both services; if either fails the other is stopped before the failure is rethrown. */
    public static EmbeddedEnvironment start() {
        CompletableFuture<ApicurioRegistry> registry = CompletableFuture.supplyAsync(ApicurioRegistry::start);
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start();
        } catch (RuntimeException e) {
            registry.thenAccept(ApicurioRegistry::close);
            throw e;
        }
        try {
            return new EmbeddedEnvironment(kafka, registry.join());
        } catch (CompletionException e) {
            kafka.close();
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new EmbeddedStartupException("Apicurio Registry failed to start", e.getCause());
        }
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public ApicurioRegistry registry() {
        return registry;
    }

    /** Stops the registry process and the broker, and deletes their temporary directories. */
    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            kafka.close();
        }
    }
}
