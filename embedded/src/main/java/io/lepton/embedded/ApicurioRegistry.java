package io.lepton.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Apicurio Registry 2.6 (in-memory storage) running as a child process on 127.0.0.1, exposing the Confluent
 * Schema Registry API under {@code /apis/ccompat/v7}.
 *
 * <p>Why a process and not a library: Apicurio is a Quarkus application whose runner jar brings its own classpath,
 * which would clash with the gateway's. The build unpacks it once (see {@link ApicurioHome}); this class starts it
 * on a free port, waits until the Confluent API answers, and guarantees the process never outlives the JVM
 * (explicit {@link #close()} plus a shutdown hook).
 */
public final class ApicurioRegistry implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(ApicurioRegistry.class.getName());
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 40;

    private final Process process;
    private final int port;
    private final Path workDirectory;
    private final Thread shutdownHook;

    private ApicurioRegistry(Process process, int port, Path workDirectory) {
        this.process = process;
        this.port = port;
        this.workDirectory = workDirectory;
        this.shutdownHook = new Thread(this::stopProcess, "apicurio-registry-shutdown-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the registry and returns once {@code GET /apis/ccompat/v7/subjects} answers 200 (about 5 s).
     *
     * @throws EmbeddedStartupException if the runner jar is missing (with the build command to run), the process
     *     exits early, or it is not ready within 90 s (with the tail of its log)
     */
    public static ApicurioRegistry start() {
        return start(freePort());
    }

    /**
     * Starts the registry on {@code port}, e.g. the port of one that was stopped, so a test can restart "the"
     * registry under the URL a client already holds (its in-memory storage starts empty).
     */
    public static ApicurioRegistry start(int port) {
        Path runner = ApicurioHome.locateRunnerJar();
        Path workDirectory = TempDirectories.create("lepton-apicurio-");
        Path log = workDirectory.resolve("apicurio.log");
        Process process;
        try {
            process = new ProcessBuilder(command(runner, port))
                    .directory(workDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            TempDirectories.delete(workDirectory);
            throw new EmbeddedStartupException("Could not launch Apicurio Registry from " + runner, e);
        }
        ApicurioRegistry registry = new ApicurioRegistry(process, port, workDirectory);
        try {
            registry.awaitReady(log);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        LOGGER.log(System.Logger.Level.INFO, "Apicurio Registry ready on {0} (pid {1})",
                registry.confluentApiUrl(), process.pid());
        return registry;
    }

    private static List<String> command(Path runner, int port) {
        String java = ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return List.of(java, "-Xmx384m",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-jar", runner.toString());
    }

    private void awaitReady(Path log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(confluentApiUrl() + "/subjects"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new EmbeddedStartupException("Apicurio Registry exited with code " + process.exitValue()
                        + " before becoming ready. Log tail:\n" + tail(log));
            }
            if (answers(client, probe)) {
                return;
            }
            sleep(POLL_INTERVAL);
        }
        throw new EmbeddedStartupException("Apicurio Registry not ready on port " + port + " after "
                + READY_TIMEOUT.toSeconds() + " s. Log tail:\n" + tail(log));
    }

    private static boolean answers(HttpClient client, HttpRequest probe) {
        try {
            return client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStartupException("Interrupted while waiting for Apicurio Registry", e);
        }
    }

    /** The Confluent-compatible API base URL, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
    public String confluentApiUrl() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    /** The operating-system process id of the registry, so tests can check it is gone after {@link #close()}. */
    public long pid() {
        return process.pid();
    }

    /** Stops the process (gracefully, then forcibly after 10 s) and deletes its working directory and log. */
    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to run; it does the same work.
        }
        TempDirectories.delete(workDirectory);
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStartupException("Interrupted while waiting for Apicurio Registry", e);
        }
    }
}
