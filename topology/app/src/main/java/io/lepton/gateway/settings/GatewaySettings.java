package io.lepton.gateway.settings;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's settings, all of them, typed and validated: Kafka Streams and its clients, the topics it creates, the
 * schema registry client and where policies and keys come from. One source, read from environment variables
 * ({@link SettingVariable}), used by {@code ./gateway run} (through {@link GatewaySettingsConfigSource}) and by
 * {@code demo}, {@code replay} and {@code bench}, which pass their own values for the same variables
 * ({@link #withOverrides}) so that every runner gets the same defaults and fixed choices.
 */
public record GatewaySettings(StreamsSettings streams, TopicSettings topics, RegistrySettings registry,
        Optional<Path> policyDir, Optional<Path> hmacKeyDir, Optional<Path> noiseKeyDir, Optional<Path> ledgerKeyDir) {

    /**
     * @throws InvalidSettingException naming the variable and the fix when a value cannot be used
     */
    public static GatewaySettings fromEnvironment(Map<String, String> env) {
        Environment environment = new Environment(env);
        return new GatewaySettings(StreamsSettings.from(environment), TopicSettings.from(environment),
                RegistrySettings.from(environment),
                environment.optional(SettingVariable.POLICY_DIR).map(Path::of),
                environment.optional(SettingVariable.LEPTON_HMAC_KEY_DIR).map(Path::of),
                environment.optional(SettingVariable.LEPTON_NOISE_KEY_DIR).map(Path::of),
                environment.optional(SettingVariable.LEPTON_LEDGER_KEY_DIR).map(Path::of));
    }

    /**
     * Production's settings for an application on one embedded broker (demo, replay, bench): one stream thread,
     * replication factor 1 and no standby, everything else as {@code ./gateway run} has it.
     */
    public static GatewaySettings singleBroker(String applicationId, String guarantee, String bootstrapServers,
            Path stateDir) {
        return withOverrides(Map.of(), Map.of(
                SettingVariable.KAFKA_STREAMS_APPLICATION_ID, applicationId,
                SettingVariable.KAFKA_STREAMS_PROCESSING_GUARANTEE, guarantee,
                SettingVariable.KAFKA_BOOTSTRAP_SERVERS, bootstrapServers,
                SettingVariable.KAFKA_STREAMS_STATE_DIR, stateDir.toString(),
                SettingVariable.KAFKA_STREAMS_THREADS, "1",
                SettingVariable.KAFKA_STREAMS_NUM_STANDBY_REPLICAS, "0",
                SettingVariable.LEPTON_REPLICATION_FACTOR, "1"));
    }

    /** Settings for {@code env} with some variables replaced, e.g. the embedded broker's address for the demo. */
    public static GatewaySettings withOverrides(Map<String, String> env, Map<SettingVariable, String> overrides) {
        Map<String, String> merged = new HashMap<>(env);
        overrides.forEach((variable, value) -> merged.put(variable.name(), value));
        return fromEnvironment(merged);
    }
}
