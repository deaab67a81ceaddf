package io.lepton.gateway.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;

/**
 * The gateway's own settings ({@code gateway.*} in application.properties, each mapped from an environment variable
 * there). Kafka client settings stay under Quarkus' {@code kafka-streams.*} keys.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Confluent-API schema registry base URL (Confluent SR, Apicurio ccompat, Karapace, Redpanda). */
    @WithName("schema-registry.url")
    String schemaRegistryUrl();

    /** {@code user:password} for registry basic auth. */
    @WithName("schema-registry.basic-auth-user-info")
    Optional<String> schemaRegistryUserInfo();

    /** Bearer token for the registry. */
    @WithName("schema-registry.bearer-token")
    Optional<String> schemaRegistryBearerToken();

    /** Directory of policy files overriding the built-in ones (e.g. a mounted ConfigMap). */
    @WithName("policy-dir")
    Optional<String> policyDir();

    /** Directory of HMAC key files (a mounted Secret); adds to {@code LEPTON_HMAC_KEY_*} variables. */
    @WithName("hmac-key-dir")
    Optional<String> hmacKeyDir();

    /** Directory of DP noise key files, one per jurisdiction id; adds to {@code LEPTON_NOISE_KEY_*} variables. */
    @WithName("noise-key-dir")
    Optional<String> noiseKeyDir();

    /** Directory of privacy-ledger key files, one per jurisdiction id; adds to {@code LEPTON_LEDGER_KEY_*}. */
    @WithName("ledger-key-dir")
    Optional<String> ledgerKeyDir();

    /** Topic management at start-up. */
    Topics topics();

    /** Creation of missing topics at start-up. */
    interface Topics {
        /** Whether to create missing input and output topics at start-up. */
        @WithDefault("true")
        boolean create();

        /** Partitions of created topics, and of the internal subject repartition topics (one count for all). */
        @WithDefault("6")
        int partitions();

        /** Replication factor of created topics; unset means the broker default. */
        @WithName("replication-factor")
        Optional<Short> replicationFactor();
    }
}
