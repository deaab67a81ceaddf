package io.lepton.gateway.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.serdes.IncompatibleSchemaException;
import io.lepton.serdes.RegistryUnavailableException;
import java.net.ConnectException;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureCauseTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new RegistryUnavailableException("down", new ConnectException()), FailureCause.TRANSIENT),
                Arguments.of(new StreamsException(new StreamsException(
                        new RegistryUnavailableException("down", null))), FailureCause.TRANSIENT),
                Arguments.of(new TimeoutException("metadata"), FailureCause.TRANSIENT),
                Arguments.of(new StreamsException(new NotEnoughReplicasException("isr")), FailureCause.TRANSIENT),
                Arguments.of(new StreamsException(new ConnectException("refused")), FailureCause.TRANSIENT),
                Arguments.of(new StreamsException(new IncompatibleSchemaException("s-value", "409")),
                        FailureCause.CONFIGURATION),
                Arguments.of(new ConfigException("state.dir", "/nope", "not writable"), FailureCause.CONFIGURATION),
                Arguments.of(new MissingSourceTopicException("raw.x"), FailureCause.CONFIGURATION),
                Arguments.of(new StreamsException(new SaslAuthenticationException("bad")),
                        FailureCause.CONFIGURATION),
                Arguments.of(new TopicAuthorizationException("denied"), FailureCause.CONFIGURATION),
                Arguments.of(new IllegalStateException("bug"), FailureCause.UNKNOWN),
                Arguments.of(new StreamsException("no cause"), FailureCause.UNKNOWN));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void classifiesByTheFirstRecognisedCauseInTheChain(Throwable failure, FailureCause expected) {
        assertThat(FailureCause.of(failure)).isEqualTo(expected);
    }
}
