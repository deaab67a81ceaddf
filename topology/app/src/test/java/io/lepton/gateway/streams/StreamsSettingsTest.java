package io.lepton.gateway.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The Quarkus app runs the topology with the settings it is built for, like the command line and the bench. */
class StreamsSettingsTest {

    @Test
    void applicationPropertiesCarryTheTopologysStreamsSettings() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            assertThat(in).as("application.properties on the class path").isNotNull();
            properties.load(in);
        }
        assertThat(GatewayTopology.STREAMS_SETTINGS).isNotEmpty();
        GatewayTopology.STREAMS_SETTINGS.forEach((key, value) ->
                assertThat(properties.getProperty("kafka-streams." + key)).as(key).isEqualTo(String.valueOf(value)));
    }
}
