package io.lepton.serdes.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Immutable configuration of {@link RestSchemaRegistryClient}; defaults live here and nowhere else.
 *
 * <p>Why both a builder and {@link #fromProperties(Map)}: code and tests build it directly, while Kafka clients and
 * {@code ./gateway run} hand over Confluent-style property maps, so existing producer configuration works as is.
 *
 * @param urls registry base URLs (e.g. {@code http://host:8081} or {@code .../apis/ccompat/v7}); retries rotate
 *     through them
 * @param authorization the {@code Authorization} header value, if any (never printed by {@link #toString()})
 * @param connectTimeout TCP/TLS connect timeout per attempt
 * @param requestTimeout whole-request timeout per attempt
 * @param maxRetries retries after the first attempt on connection failures, timeouts, 5xx and 429
 * @param retryBackoff first backoff; doubles per retry, jittered between half and full
 * @param maxRetryBackoff cap of a single backoff
 * @param cacheCapacity entries per client cache (id to schema, subject and schema to id)
 * @param sslContext TLS context for {@code https} URLs; the JDK default when empty
 */
public record RegistryClientConfig(
        List<URI> urls,
        Optional<String> authorization,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxRetries,
        Duration retryBackoff,
        Duration maxRetryBackoff,
        int cacheCapacity,
        Optional<SSLContext> sslContext) {

    public static final String URL = "schema.registry.url";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    public static final String CONNECT_TIMEOUT_MS = "schema.registry.connect.timeout.ms";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    public static final String MAX_RETRIES = "schema.registry.max.retries";
    public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "schema.registry.retry.backoff.max.ms";
    public static final String CACHE_CAPACITY = "schema.registry.cache.capacity";
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_MAX_RETRIES = 3;
    static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(100);
    static final Duration DEFAULT_MAX_RETRY_BACKOFF = Duration.ofSeconds(2);
    static final int DEFAULT_CACHE_CAPACITY = 1000;

    public RegistryClientConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(URL + " must name at least one registry URL");
        }
        for (URI url : urls) {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException(URL + " must be http(s), was " + url);
            }
        }
        Objects.requireNonNull(authorization, "authorization");
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(requestTimeout, "request timeout");
        if (maxRetries < 0) {
            throw new IllegalArgumentException(MAX_RETRIES + " must be >= 0, was " + maxRetries);
        }
        requirePositive(retryBackoff, "retry backoff");
        requirePositive(maxRetryBackoff, "max retry backoff");
        if (cacheCapacity < 1) {
            throw new IllegalArgumentException(CACHE_CAPACITY + " must be >= 1, was " + cacheCapacity);
        }
        Objects.requireNonNull(sslContext, "sslContext");
    }

    public static Builder builder(String url) {
        return new Builder(url);
    }

    /**
     * Reads Confluent-style client properties: {@value #URL} (comma-separated), basic auth with
     * {@value #BASIC_AUTH_CREDENTIALS_SOURCE} {@code USER_INFO} + {@value #BASIC_AUTH_USER_INFO} or {@code URL}
     * (user info in the URL), bearer auth with {@value #BEARER_AUTH_TOKEN}, a trust store for TLS, and the
     * lepton-specific timeout, retry and cache keys declared on this class.
     *
     * @throws IllegalArgumentException naming the key and the fix when a value is missing or invalid
     */
    public static RegistryClientConfig fromProperties(Map<String, ?> props) {
        String url = string(props, URL)
                .orElseThrow(() -> new IllegalArgumentException("Missing " + URL + ": set it to the registry's "
                        + "base URL, e.g. http://localhost:8081"));
        Builder builder = builder(url);
        String source = string(props, BASIC_AUTH_CREDENTIALS_SOURCE).orElse("USER_INFO");
        switch (source) {
            case "USER_INFO" -> string(props, BASIC_AUTH_USER_INFO).ifPresent(builder::basicAuth);
            case "URL" -> builder.urlUserInfo.ifPresent(builder::basicAuth);
            default -> throw new IllegalArgumentException(BASIC_AUTH_CREDENTIALS_SOURCE + "=" + source
                    + " is not supported; use USER_INFO or URL");
        }
        string(props, BEARER_AUTH_TOKEN).ifPresent(builder::bearerToken);
        millis(props, CONNECT_TIMEOUT_MS).ifPresent(builder::connectTimeout);
        millis(props, REQUEST_TIMEOUT_MS).ifPresent(builder::requestTimeout);
        integer(props, MAX_RETRIES).ifPresent(builder::maxRetries);
        millis(props, RETRY_BACKOFF_MS).ifPresent(builder::retryBackoff);
        millis(props, RETRY_BACKOFF_MAX_MS).ifPresent(builder::maxRetryBackoff);
        integer(props, CACHE_CAPACITY).ifPresent(builder::cacheCapacity);
        Optional<String> trustStore = string(props, SSL_TRUSTSTORE_LOCATION);
        if (trustStore.isPresent()) {
            builder.sslContext(trustStoreContext(Path.of(trustStore.get()),
                    string(props, SSL_TRUSTSTORE_PASSWORD).orElse(""),
                    string(props, SSL_TRUSTSTORE_TYPE).orElse(KeyStore.getDefaultType())));
        }
        return builder.build();
    }

    /** Redacts the credentials, so the config can be logged. */
    @Override
    public String toString() {
        return "RegistryClientConfig[urls=" + urls
                + ", authorization=" + authorization.map(a -> a.substring(0, a.indexOf(' ')) + " ***").orElse("none")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxRetries=" + maxRetries + ", retryBackoff=" + retryBackoff + ", maxRetryBackoff="
                + maxRetryBackoff + ", cacheCapacity=" + cacheCapacity + ", tls="
                + (sslContext.isPresent() ? "custom" : "jdk-default") + "]";
    }

    private static SSLContext trustStoreContext(Path location, String password, String type) {
        try (InputStream in = Files.newInputStream(location)) {
            KeyStore trustStore = KeyStore.getInstance(type);
            trustStore.load(in, password.toCharArray());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SSL_TRUSTSTORE_LOCATION + " " + location, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Invalid trust store " + location + " (type " + type + ")", e);
        }
    }

    private static Optional<String> string(Map<String, ?> props, String key) {
        Object value = props.get(key);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof org.apache.kafka.common.config.types.Password password
                ? password.value() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    private static Optional<Integer> integer(Map<String, ?> props, String key) {
        return string(props, key).map(text -> {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be an integer, was '" + text + "'", e);
            }
        });
    }

    private static Optional<Duration> millis(Map<String, ?> props, String key) {
        return integer(props, key).map(Duration::ofMillis);
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
    }

    /** Builder with the defaults of this class; only the URL is required. */
    public static final class Builder {

        private final List<URI> urls;
        private final Optional<String> urlUserInfo;
        private Optional<String> authorization = Optional.empty();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;
        private Duration maxRetryBackoff = DEFAULT_MAX_RETRY_BACKOFF;
        private int cacheCapacity = DEFAULT_CACHE_CAPACITY;
        private Optional<SSLContext> sslContext = Optional.empty();

        private Builder(String url) {
            Objects.requireNonNull(url, URL);
            List<URI> parsed = Arrays.stream(url.split(","))
                    .map(String::trim)
                    .filter(u -> !u.isEmpty())
                    .map(u -> URI.create(u.endsWith("/") ? u.substring(0, u.length() - 1) : u))
                    .toList();
            // Credentials in a URL would be logged with it and are not sent by HttpClient: move them to a header.
            this.urlUserInfo = parsed.stream().map(URI::getUserInfo).filter(Objects::nonNull).findFirst();
            this.urls = parsed.stream().map(Builder::withoutUserInfo).toList();
        }

        private static URI withoutUserInfo(URI url) {
            return url.getRawUserInfo() == null ? url
                    : URI.create(url.toString().replace(url.getRawUserInfo() + "@", ""));
        }

        /** Basic auth from {@code user:password}. */
        public Builder basicAuth(String userInfo) {
            if (!userInfo.contains(":")) {
                throw new IllegalArgumentException(BASIC_AUTH_USER_INFO + " must be user:password");
            }
            this.authorization = Optional.of("Basic " + java.util.Base64.getEncoder()
                    .encodeToString(userInfo.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return this;
        }

        public Builder bearerToken(String token) {
            this.authorization = Optional.of("Bearer " + token);
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder retryBackoff(Duration retryBackoff) {
            this.retryBackoff = retryBackoff;
            return this;
        }

        public Builder maxRetryBackoff(Duration maxRetryBackoff) {
            this.maxRetryBackoff = maxRetryBackoff;
            return this;
        }

        public Builder cacheCapacity(int cacheCapacity) {
            this.cacheCapacity = cacheCapacity;
            return this;
        }

        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Optional.of(sslContext);
            return this;
        }

        public RegistryClientConfig build() {
            return new RegistryClientConfig(urls, authorization, connectTimeout, requestTimeout, maxRetries,
                    retryBackoff, maxRetryBackoff, cacheCapacity, sslContext);
        }
    }
}
