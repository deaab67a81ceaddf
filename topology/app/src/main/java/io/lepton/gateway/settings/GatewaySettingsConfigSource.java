package io.lepton.gateway.settings;

import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.family.EventFamily;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsConfig;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands {@link GatewaySettings} to Quarkus' Kafka Streams extension as its {@code quarkus.kafka-streams.*} and
 * {@code kafka-streams.*} properties, so {@code ./gateway run} gets its Streams and producer settings from the same
 * typed source as the command line and the bench, not from a second list in {@code application.properties}.
 *
 * <p>Its ordinal sits above {@code application.properties} (250) and below environment variables (300) and system
 * properties, so an operator can still override a single Kafka property directly.
 */
public final class GatewaySettingsConfigSource implements ConfigSource {

    private static final int ORDINAL = 275;

    private final Map<String, String> properties;

    public GatewaySettingsConfigSource() {
        this(System.getenv(), EventFamilies.discover());
    }

    GatewaySettingsConfigSource(Map<String, String> env, EventFamilies families) {
        StreamsSettings streams = GatewaySettings.fromEnvironment(env).streams();
        Map<String, String> props = new HashMap<>();
        props.put("quarkus.kafka-streams.application-id", streams.applicationId());
        props.put("quarkus.kafka-streams.bootstrap-servers", streams.bootstrapServers());
        props.put("quarkus.kafka-streams.topics",
                families.all().stream().map(EventFamily::rawTopic).collect(Collectors.joining(",")));
        streams.toProperties().forEach((key, value) -> {
            if (!key.equals(StreamsConfig.APPLICATION_ID_CONFIG) && !key.equals(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)) {
                props.put("kafka-streams." + key, String.valueOf(value));
            }
        });
        this.properties = Map.copyOf(props);
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "lepton-gateway-settings";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
