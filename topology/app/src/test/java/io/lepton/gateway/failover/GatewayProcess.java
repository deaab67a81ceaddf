package io.lepton.gateway.failover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One gateway instance as the production launcher runs it ({@code java -jar quarkus-run.jar}, settings from the
 * environment) in a process of its own, so it can be killed with SIGKILL like a crashed pod.
 */
final class GatewayProcess implements AutoCloseable {

    private static final Path SERVER_JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    /**
     * Kafka loggers raised from the production WARN to INFO in the instance logs, so a failover's timeline can be
     * read there: Streams state changes, task assignment and restoration, group joins, transactional producer ids.
     */
    private static final List<String> TIMELINE_LOGGERS = List.of("org.apache.kafka.streams",
            "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
            "org.apache.kafka.clients.producer.internals.TransactionManager");

    private final Process process;
    private final URI readiness;

    private GatewayProcess(Process process, int httpPort) {
        this.process = process;
        this.readiness = URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready");
    }

    /** Starts an instance with {@code env} added to this JVM's environment; its output goes to {@code log}. */
    static GatewayProcess start(Map<String, String> env, Path log) {
        if (!SERVER_JAR.toFile().isFile()) {
            throw new IllegalStateException(SERVER_JAR.toAbsolutePath() + " is missing: run the package phase first");
        }
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        TIMELINE_LOGGERS.forEach(logger -> command.add("-Dquarkus.log.category.\"" + logger + "\".level=INFO"));
        command.addAll(List.of("-jar", SERVER_JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = new HashMap<>(env);
        environment.put("HTTP_PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        try {
            return new GatewayProcess(builder.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200; false on timeout or if the process died. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or committed, the group is not left. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill9();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
