package io.lepton.gateway.app;

import io.lepton.embedded.EmbeddedEnvironment;
import io.lepton.embedded.TempDirectories;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Quarkus test resource: a real in-process KRaft broker and a real Apicurio Registry for the app under test, plus a
 * directory of freshly generated HMAC keys and directories of noise and ledger keys per jurisdiction (keys never come
 * from the repository). Everything is stopped and deleted
 * when the test run ends, whatever its outcome.
 */
public class EmbeddedEnvironmentResource implements QuarkusTestResourceLifecycleManager {

    static final List<String> KEY_IDS =
            List.of("eu-gdpr-1", "us-ccpa-1", "cn-pipl-1", "br-lgpd-1", "in-dpdp-1", "sg-pdpa-1", "default-1");

    /** The registry's process id, for a test that stops the registry under the running app. */
    static final String REGISTRY_PID = "lepton.test.registry-pid";

    private EmbeddedEnvironment environment;
    private Path keyDir;
    private Path noiseKeyDir;
    private Path ledgerKeyDir;
    private Path stateDir;

    @Override
    public Map<String, String> start() {
        environment = EmbeddedEnvironment.start();
        try {
            keyDir = Files.createTempDirectory("lepton-keys");
            noiseKeyDir = Files.createTempDirectory("lepton-noise-keys");
            ledgerKeyDir = Files.createTempDirectory("lepton-ledger-keys");
            stateDir = Files.createTempDirectory("lepton-streams-state");
            SecureRandom random = new SecureRandom();
            for (String id : KEY_IDS) {
                writeKey(random, keyDir.resolve(id));
                String jurisdiction = id.substring(0, id.lastIndexOf('-'));
                writeKey(random, noiseKeyDir.resolve(jurisdiction));
                writeKey(random, ledgerKeyDir.resolve(jurisdiction));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String bootstrap = environment.kafka().bootstrapServers();
        // The gateway's settings by their variable names; Quarkus' own Kafka Streams keys as well, since the
        // settings config source reads the process environment, which a test resource cannot change.
        return Map.ofEntries(
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", bootstrap),
                Map.entry("SCHEMA_REGISTRY_URL", environment.registry().confluentApiUrl()),
                Map.entry("LEPTON_HMAC_KEY_DIR", keyDir.toString()),
                Map.entry("LEPTON_NOISE_KEY_DIR", noiseKeyDir.toString()),
                Map.entry("LEPTON_LEDGER_KEY_DIR", ledgerKeyDir.toString()),
                Map.entry("LEPTON_TOPIC_PARTITIONS", "2"),
                Map.entry("LEPTON_REPLICATION_FACTOR", "1"),
                Map.entry("quarkus.kafka-streams.bootstrap-servers", bootstrap),
                Map.entry("kafka-streams.state.dir", stateDir.toString()),
                Map.entry("kafka-streams.num.stream.threads", "1"),
                Map.entry("kafka-streams.num.standby.replicas", "0"),
                Map.entry("kafka-streams.replication.factor", "1"),
                Map.entry("quarkus.http.test-port", "0"),
                Map.entry(REGISTRY_PID, Long.toString(environment.registry().pid())));
    }

    private static void writeKey(SecureRandom random, Path file) throws IOException {
        byte[] key = new byte[32];
        random.nextBytes(key);
        Files.writeString(file, Base64.getEncoder().encodeToString(key));
    }

    @Override
    public void stop() {
        if (environment != null) {
            environment.close();
        }
        TempDirectories.delete(keyDir);
        TempDirectories.delete(noiseKeyDir);
        TempDirectories.delete(ledgerKeyDir);
        TempDirectories.delete(stateDir);
    }
}
