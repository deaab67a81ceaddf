package io.lepton.embedded;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/**
 * Apache Kafka {@value #IMAGE} in a Testcontainers container, used instead of the in-process broker when the build
 * runs with {@code -Pdocker} (which sets {@value #PROPERTY}{@code =testcontainers} and puts Testcontainers on the
 * test classpath).
 *
 * <p>Why reflection: the default build and {@code ./gateway demo} must not need Docker or its client libraries, so
 * this module does not compile against Testcontainers; only the opt-in profile brings it. Without a Docker engine
 * the tests that need the broker are skipped with a message saying so, rather than failing.
 */
public final class TestcontainersKafka {

    static final String PROPERTY = "lepton.it.broker";
    static final String IMAGE = "apache/kafka:4.1.1";

    private TestcontainersKafka() {}

    static boolean requested() {
        return "testcontainers".equals(System.getProperty(PROPERTY));
    }

    /**
     * Why the requested Testcontainers broker cannot run here (no Docker engine), or empty when it can or was not
     * requested; the JUnit extension skips the tests with this message.
     */
    public static Optional<String> unavailable() {
        if (!requested()) {
            return Optional.empty();
        }
        try {
            Class<?> factory = Class.forName("org.testcontainers.DockerClientFactory");
            Object instance = factory.getMethod("instance").invoke(null);
            if ((Boolean) factory.getMethod("isDockerAvailable").invoke(instance)) {
                return Optional.empty();
            }
        } catch (ReflectiveOperationException e) {
            return Optional.of("-Pdocker: Testcontainers is not on the classpath (" + e + ")");
        }
        return Optional.of("-Pdocker: no Docker engine found (DOCKER_HOST or /var/run/docker.sock), so the tests "
                + "against Testcontainers' Kafka are skipped; run without -Pdocker to use the in-process broker");
    }

    /** Starts the container and returns a broker that stops it on close. */
    static EmbeddedKafka start() {
        unavailable().ifPresent(reason -> {
            throw new EmbeddedStartupException(reason);
        });
        try {
            Class<?> containerClass = Class.forName("org.testcontainers.kafka.KafkaContainer");
            AutoCloseable container = (AutoCloseable) containerClass.getConstructor(String.class).newInstance(IMAGE);
            containerClass.getMethod("withEnv", String.class, String.class).invoke(container,
                    "KAFKA_TRANSACTION_ABORT_TIMED_OUT_TRANSACTION_CLEANUP_INTERVAL_MS",
                    Integer.toString(EmbeddedKafka.TIMED_OUT_TRANSACTION_CHECK_MS));
            containerClass.getMethod("start").invoke(container);
            String bootstrap = (String) containerClass.getMethod("getBootstrapServers").invoke(container);
            return EmbeddedKafka.external(bootstrap, container);
        } catch (ClassNotFoundException e) {
            throw new EmbeddedStartupException(PROPERTY + "=testcontainers needs org.testcontainers:kafka on the "
                    + "classpath: run the build with -Pdocker", e);
        } catch (InvocationTargetException e) {
            throw new EmbeddedStartupException("Testcontainers' Kafka (" + IMAGE + ") failed to start", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new EmbeddedStartupException("Unexpected Testcontainers API", e);
        }
    }
}
