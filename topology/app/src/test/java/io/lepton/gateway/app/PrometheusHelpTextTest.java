package io.lepton.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class PrometheusHelpTextTest {

    @Test
    void doubleQuotesInADescriptionBecomeSingleQuotesAndNothingElseChanges() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new PrometheusHelpText());
        Counter quoted = Counter.builder("quoted").description("The \"commit\" rate").tag("node", "n1")
                .baseUnit("records").register(registry);
        Counter plain = Counter.builder("plain").description("No quotes here").register(registry);
        assertThat(quoted.getId().getDescription()).isEqualTo("The 'commit' rate");
        assertThat(quoted.getId().getTag("node")).isEqualTo("n1");
        assertThat(quoted.getId().getBaseUnit()).isEqualTo("records");
        assertThat(plain.getId().getDescription()).isEqualTo("No quotes here");
    }
}
