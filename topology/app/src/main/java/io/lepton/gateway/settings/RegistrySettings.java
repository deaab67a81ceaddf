package io.lepton.gateway.settings;

import io.lepton.serdes.registry.RegistryClientConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The schema registry client: URL, credentials (basic or bearer) and the trust store for an https registry.
 * Credentials come only from the environment (e.g. a mounted Secret's variables), never from a file in the image.
 */
public record RegistrySettings(String url, Optional<String> basicAuthUserInfo, Optional<String> bearerToken,
        Optional<String> trustStoreLocation, Optional<String> trustStorePassword, String trustStoreType) {

    static RegistrySettings from(Environment env) {
        RegistrySettings settings = new RegistrySettings(env.string(SettingVariable.SCHEMA_REGISTRY_URL),
                env.optional(SettingVariable.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO),
                env.optional(SettingVariable.SCHEMA_REGISTRY_BEARER_TOKEN),
                env.optional(SettingVariable.SCHEMA_REGISTRY_TRUSTSTORE_LOCATION),
                env.optional(SettingVariable.SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD),
                env.string(SettingVariable.SCHEMA_REGISTRY_TRUSTSTORE_TYPE));
        if (settings.basicAuthUserInfo.isPresent() && settings.bearerToken.isPresent()) {
            throw new InvalidSettingException(SettingVariable.SCHEMA_REGISTRY_BEARER_TOKEN,
                    "set together with SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "set only one of the two");
        }
        return settings;
    }

    /** The client configuration in Confluent's key names ({@link RegistryClientConfig#fromProperties}). */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(RegistryClientConfig.URL, url);
        basicAuthUserInfo.ifPresent(userInfo -> {
            props.put(RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
            props.put(RegistryClientConfig.BASIC_AUTH_USER_INFO, userInfo);
        });
        bearerToken.ifPresent(token -> props.put(RegistryClientConfig.BEARER_AUTH_TOKEN, token));
        trustStoreLocation.ifPresent(location -> {
            props.put(RegistryClientConfig.SSL_TRUSTSTORE_LOCATION, location);
            props.put(RegistryClientConfig.SSL_TRUSTSTORE_TYPE, trustStoreType);
            trustStorePassword.ifPresent(password -> props.put(RegistryClientConfig.SSL_TRUSTSTORE_PASSWORD, password));
        });
        return props;
    }
}
