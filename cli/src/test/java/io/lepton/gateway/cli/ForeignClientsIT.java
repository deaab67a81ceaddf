package io.lepton.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The embedded gateway (what {@code ./gateway demo --rate 0} runs) against clients that share no code with it:
 * KafkaJS with Confluent's JavaScript schema registry client ({@code loadtest/foreign-clients/interop.js}) produces
 * raw events of every family and reads back the sanitized, audit and quarantine topics; librdkafka (Debian's
 * python3-confluent-kafka, {@code rdkafka_check.py}) reads the sanitized records again, read_committed, and checks
 * their wire format against the registry. The scripts make the checks; this test starts the gateway, runs them and
 * requires every check to pass.
 *
 * <p>Skipped, with the reason, where node/npm or python3-confluent-kafka is missing or {@code npm ci} cannot reach
 * the npm registry: those are tools of the machine, not of the build.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForeignClientsIT {

    /** Tests run with the module directory as working directory. */
    private static final Path CLIENTS = Path.of("..", "loadtest", "foreign-clients").toAbsolutePath().normalize();
    /** Written by the KafkaJS run: the sanitized records it read, which librdkafka must read as well. */
    private static final Path SANITIZED_SEEN = Path.of("target", "foreign-clients", "sanitized-seen.json")
            .toAbsolutePath();
    /** Hash of the package-lock.json whose packages node_modules holds, so {@code npm ci} runs only on a change. */
    private static final String INSTALLED_LOCK_MARKER = ".lepton-installed-lock.sha256";

    private static boolean nodeAvailable;
    private static Optional<String> rdkafkaPython;
    private static EmbeddedGateway gateway;

    @BeforeAll
    static void startGatewayWhenAClientCanRun() throws IOException {
        nodeAvailable = ExternalProcess.succeeds(CLIENTS, List.of("node", "--version"))
                && ExternalProcess.succeeds(CLIENTS, List.of("npm", "--version"));
        rdkafkaPython = Stream.of("python3", "/usr/bin/python3")
                .filter(python -> ExternalProcess.succeeds(CLIENTS, List.of(python, "-c", "import confluent_kafka")))
                .findFirst();
        assumeTrue(nodeAvailable || rdkafkaPython.isPresent(),
                "skipped: neither node/npm nor python3 with confluent_kafka (apt-get install python3-confluent-kafka) "
                        + "is installed");
        Files.deleteIfExists(SANITIZED_SEEN);
        Files.createDirectories(SANITIZED_SEEN.getParent());
        gateway = EmbeddedGateway.start(new EngineOptions().engine(new PrintWriter(Writer.nullWriter())));
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    @Order(1)
    void kafkaJsAndTheConfluentJsRegistryClientProduceAndReadEveryOutput() throws IOException {
        assumeTrue(nodeAvailable, "skipped: node and npm are not installed");
        installNodePackages();

        ExternalProcess run = ExternalProcess.run(CLIENTS, Duration.ofSeconds(120), List.of("node", "interop.js",
                "--bootstrap", gateway.bootstrapServers(), "--registry", gateway.registryUrl(),
                "--timeout-s", "60", "--out", SANITIZED_SEEN.toString()));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).as(run.output()).containsPattern("(?m)^interop: [1-9]\\d* passed, 0 failed$");
    }

    @Test
    @Order(2)
    void librdkafkaReadsTheSanitizedRecordsReadCommittedInTheWireFormat() {
        assumeTrue(rdkafkaPython.isPresent(),
                "skipped: python3 with confluent_kafka is not installed (apt-get install python3-confluent-kafka)");
        assumeTrue(Files.isRegularFile(SANITIZED_SEEN),
                "skipped: librdkafka reads the records of the KafkaJS run, which did not run");

        ExternalProcess run = ExternalProcess.run(CLIENTS, Duration.ofSeconds(90), List.of(rdkafkaPython.get(),
                "rdkafka_check.py", "--bootstrap", gateway.bootstrapServers(), "--registry", gateway.registryUrl(),
                "--expect", SANITIZED_SEEN.toString(), "--timeout-s", "60"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).as(run.output()).containsPattern("(?m)^rdkafka: [1-9]\\d* passed, 0 failed$");
    }

    /** {@code npm ci} from the committed lock file, once per lock-file change; skips when npm cannot install. */
    private static void installNodePackages() throws IOException {
        String lockHash = sha256(Files.readAllBytes(CLIENTS.resolve("package-lock.json")));
        Path marker = CLIENTS.resolve("node_modules").resolve(INSTALLED_LOCK_MARKER);
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(lockHash)) {
            return;
        }
        ExternalProcess install = ExternalProcess.run(CLIENTS, Duration.ofMinutes(5),
                List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"));
        assumeTrue(install.exitCode() == 0, () -> "skipped: npm ci could not install the clients: "
                + install.output().lines().filter(l -> l.contains("ERR")).limit(5).toList());
        Files.writeString(marker, lockHash);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
