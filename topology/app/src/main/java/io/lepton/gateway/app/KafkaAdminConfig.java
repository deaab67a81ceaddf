package io.lepton.gateway.app;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.Config;

/**
 * Admin-client settings derived from the Kafka Streams ones, so topic creation uses the same bootstrap servers and
 * security settings (TLS, SASL) as the topology itself.
 */
final class KafkaAdminConfig {

    private static final String STREAMS_PREFIX = "kafka-streams.";

    private KafkaAdminConfig() {}

    static Map<String, Object> from(Config config) {
        Map<String, Object> admin = new HashMap<>();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.getValue("quarkus.kafka-streams.bootstrap-servers", String.class));
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(STREAMS_PREFIX)) {
                String key = name.substring(STREAMS_PREFIX.length());
                if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                    config.getOptionalValue(name, String.class).ifPresent(value -> admin.put(key, value));
                }
            }
        }
        return admin;
    }
}
