package io.lepton.embedded.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.embedded.ApicurioRegistry;
import io.lepton.embedded.EmbeddedEnvironment;
import io.lepton.embedded.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedEnvironmentExtension.class)
class EmbeddedEnvironmentExtensionIT {

    private final EmbeddedEnvironment constructorEnvironment;

    EmbeddedEnvironmentExtensionIT(EmbeddedEnvironment environment) {
        this.constructorEnvironment = environment;
    }

    @Test
    void resolvesOneSharedEnvironmentForEveryParameterType(EmbeddedEnvironment environment, EmbeddedKafka kafka,
            ApicurioRegistry registry) {
        assertThat(environment).isSameAs(constructorEnvironment);
        assertThat(kafka).isSameAs(environment.kafka());
        assertThat(registry).isSameAs(environment.registry());
        assertThat(ProcessHandle.of(registry.pid())).map(ProcessHandle::isAlive).contains(true);
    }
}
