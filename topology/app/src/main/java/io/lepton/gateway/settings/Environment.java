package io.lepton.gateway.settings;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Typed reads of {@link SettingVariable}s from an environment map, defaults applied, errors naming the fix. */
final class Environment {

    private final Map<String, String> env;

    Environment(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The value, or the default; empty when neither is set. */
    Optional<String> optional(SettingVariable variable) {
        String value = env.get(variable.name());
        if (value == null || value.isBlank()) {
            value = variable.defaultValue();
        }
        return value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    String string(SettingVariable variable) {
        return optional(variable).orElseThrow(() -> new InvalidSettingException(variable, "not set", "set it"));
    }

    /** A whole number of at least {@code min}; empty when unset. */
    Optional<Integer> optionalInteger(SettingVariable variable, int min) {
        Optional<String> value = optional(variable);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed >= min) {
                return Optional.of(parsed);
            }
        } catch (NumberFormatException e) {
            // reported below, with the fix
        }
        throw new InvalidSettingException(variable, "'" + value.get() + "' is not a whole number >= " + min,
                "set a whole number >= " + min + " or unset it for the default (" + variable.defaultValue() + ")");
    }

    int integer(SettingVariable variable, int min) {
        return optionalInteger(variable, min).orElseThrow(
                () -> new InvalidSettingException(variable, "not set", "set a whole number >= " + min));
    }

    boolean bool(SettingVariable variable) {
        String value = string(variable).toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new InvalidSettingException(variable, "'" + value + "' is not true or false", "set true or false");
    }

    /** One of {@code allowed}, compared exactly. */
    String oneOf(SettingVariable variable, String... allowed) {
        String value = string(variable);
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw new InvalidSettingException(variable, "'" + value + "' is not allowed",
                "set one of " + String.join(", ", allowed));
    }

    /**
     * Kafka client security settings given as {@code KAFKA_STREAMS_SECURITY_*}, {@code KAFKA_STREAMS_SASL_*} and
     * {@code KAFKA_STREAMS_SSL_*}, as Kafka keys ({@code KAFKA_STREAMS_SSL_TRUSTSTORE_LOCATION} →
     * {@code ssl.truststore.location}), sorted.
     */
    Map<String, String> kafkaSecurity() {
        Map<String, String> security = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(SettingVariable.KAFKA_SECURITY_PREFIX)) {
                String key = name.substring(SettingVariable.KAFKA_SECURITY_PREFIX.length())
                        .toLowerCase(Locale.ROOT).replace('_', '.');
                if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                    security.put(key, value);
                }
            }
        });
        return security;
    }
}
