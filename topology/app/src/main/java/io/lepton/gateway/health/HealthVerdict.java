package io.lepton.gateway.health;

/**
 * The outcome of one health decision, with the reason shown in the health response (a code, never a value).
 *
 * @param up whether the check passes
 * @param reason why, e.g. {@code running}, {@code registry-unreachable}, {@code rebalancing-too-long}
 */
public record HealthVerdict(boolean up, String reason) {

    static HealthVerdict up(String reason) {
        return new HealthVerdict(true, reason);
    }

    static HealthVerdict down(String reason) {
        return new HealthVerdict(false, reason);
    }
}
