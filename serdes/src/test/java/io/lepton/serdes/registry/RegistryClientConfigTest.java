package io.lepton.serdes.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryClientConfigTest {

    private static final String URL = "http://registry:8081";

    @Test
    void defaultsFromOnlyTheUrl() {
        RegistryClientConfig config = RegistryClientConfig.fromProperties(Map.of("schema.registry.url", URL + "/"));
        assertThat(config.urls()).containsExactly(URI.create(URL));
        assertThat(config.authorization()).isEmpty();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.maxRetries()).isEqualTo(3);
        assertThat(config.cacheCapacity()).isEqualTo(1000);
        assertThat(config.sslContext()).isEmpty();
    }

    @Test
    void readsEveryLeptonKey() {
        RegistryClientConfig config = RegistryClientConfig.fromProperties(Map.of(
                "schema.registry.url", "http://a:1, http://b:2",
                "schema.registry.connect.timeout.ms", "250",
                "schema.registry.request.timeout.ms", 750,
                "schema.registry.max.retries", "0",
                "schema.registry.retry.backoff.ms", "5",
                "schema.registry.retry.backoff.max.ms", "50",
                "schema.registry.cache.capacity", "7"));
        assertThat(config.urls()).containsExactly(URI.create("http://a:1"), URI.create("http://b:2"));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(config.maxRetries()).isZero();
        assertThat(config.retryBackoff()).isEqualTo(Duration.ofMillis(5));
        assertThat(config.maxRetryBackoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.cacheCapacity()).isEqualTo(7);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "USER_INFO | alice:s3cret | | Basic YWxpY2U6czNjcmV0",
        "          | alice:s3cret | | Basic YWxpY2U6czNjcmV0",
        "          |              | tok-123 | Bearer tok-123",
    })
    void buildsTheAuthorizationHeader(String source, String userInfo, String token, String expected) {
        Map<String, String> props = new java.util.HashMap<>(Map.of("schema.registry.url", URL));
        Optional.ofNullable(source).ifPresent(s -> props.put("basic.auth.credentials.source", s));
        Optional.ofNullable(userInfo).ifPresent(u -> props.put("basic.auth.user.info", u));
        Optional.ofNullable(token).ifPresent(t -> props.put("bearer.auth.token", t));
        assertThat(RegistryClientConfig.fromProperties(props).authorization()).contains(expected);
    }

    @Test
    void credentialsInTheUrlMoveToTheHeaderAndOutOfTheUrl() {
        RegistryClientConfig config = RegistryClientConfig.fromProperties(Map.of(
                "schema.registry.url", "https://alice:s3cret@registry:8081",
                "basic.auth.credentials.source", "URL"));
        assertThat(config.urls()).containsExactly(URI.create("https://registry:8081"));
        assertThat(config.authorization()).contains("Basic YWxpY2U6czNjcmV0");
    }

    @Test
    void toStringRedactsCredentials() {
        RegistryClientConfig config = RegistryClientConfig.builder(URL).basicAuth("alice:s3cret").build();
        assertThat(config.toString()).contains("Basic ***").doesNotContain("YWxpY2U6czNjcmV0", "s3cret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "schema.registry.max.retries | -1 | schema.registry.max.retries must be >= 0",
        "schema.registry.max.retries | many | schema.registry.max.retries must be an integer",
        "schema.registry.request.timeout.ms | 0 | request timeout must be positive",
        "schema.registry.cache.capacity | 0 | schema.registry.cache.capacity must be >= 1",
        "basic.auth.credentials.source | SASL_INHERIT | use USER_INFO or URL",
        "basic.auth.user.info | alice | must be user:password",
    })
    void rejectsInvalidValuesNamingTheKey(String key, String value, String message) {
        assertThatThrownBy(() -> RegistryClientConfig.fromProperties(Map.of("schema.registry.url", URL, key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({"ftp://registry:21", "registry:8081"})
    void rejectsNonHttpUrls(String url) {
        assertThatThrownBy(() -> RegistryClientConfig.builder(url).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be http(s)");
    }

    @Test
    void missingUrlSaysWhatToSet() {
        assertThatThrownBy(() -> RegistryClientConfig.fromProperties(Map.of()))
                .hasMessageContaining("schema.registry.url");
    }
}
