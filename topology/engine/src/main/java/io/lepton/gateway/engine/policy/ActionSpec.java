package io.lepton.gateway.engine.policy;

import java.time.temporal.ChronoUnit;

/**
 * What a policy says to do with one class of personal data: the parsed, validated form of an {@code actions:} entry.
 *
 * <p>Each variant carries only the parameters that make sense for it, so a policy that parses is a policy that can run.
 */
public sealed interface ActionSpec {

    /** The action's name as written in policy files. */
    String name();

    /** Pass the value through unchanged (only where the law and the purpose allow it). */
    record Keep() implements ActionSpec {
        public String name() {
            return "keep";
        }
    }

    /** Remove the field from the sanitized schema altogether; in free text, delete the match. */
    record Drop() implements ActionSpec {
        public String name() {
            return "drop";
        }
    }

    /** Replace the value with a typed placeholder such as {@code [EMAIL]}. */
    record Redact(String placeholder) implements ActionSpec {
        public String name() {
            return "redact";
        }
    }

    /** Replace every character but the last {@code keepLast} by {@code maskChar} (separators kept for readability). */
    record Mask(int keepLast, char maskChar) implements ActionSpec {
        public String name() {
            return "mask";
        }
    }

    /** Keyed HMAC-SHA256 pseudonym under the policy's key: stable per key, so joins downstream still work. */
    record Hmac() implements ActionSpec {
        public String name() {
            return "hmac";
        }
    }

    /** Generalization: each variant applies to specific PII classes (checked when the policy loads). */
    sealed interface Generalize extends ActionSpec {
        default String name() {
            return "generalize";
        }
    }

    /** Age to a band such as {@code 30-39}. */
    record AgeBand(int width) implements Generalize {}

    /** IP address to its network prefix: {@code 203.0.113.0/24}, {@code 2001:db8:1::/48}. */
    record IpPrefix(int ipv4PrefixBits, int ipv6PrefixBits) implements Generalize {}

    /** Latitude/longitude rounded down to a grid of {@code decimals} decimal places (1 ≈ 11 km). */
    record GeoGrid(int decimals) implements Generalize {}

    /** A timestamp truncated to the hour or the day. */
    record TimeTruncate(ChronoUnit unit) implements Generalize {}
}
