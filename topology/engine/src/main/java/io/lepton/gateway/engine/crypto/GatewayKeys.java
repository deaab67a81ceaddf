package io.lepton.gateway.engine.crypto;

import java.util.Map;
import java.util.Objects;

/**
 * Every secret the engine needs: rotatable pseudonym keys, and per jurisdiction a noise PRF key and a ledger key.
 *
 * @param pseudonyms HMAC keys by key id ({@code LEPTON_HMAC_KEY_<ID>})
 * @param noise      DP noise PRF keys by jurisdiction ({@code LEPTON_NOISE_KEY_<J>})
 * @param ledger     privacy-ledger keys by jurisdiction ({@code LEPTON_LEDGER_KEY_<J>})
 */
public record GatewayKeys(HmacKeyRing pseudonyms, JurisdictionKeys noise, JurisdictionKeys ledger) {

    public GatewayKeys {
        Objects.requireNonNull(pseudonyms, "pseudonyms");
        if (noise == null || noise.kind() != JurisdictionKeys.Kind.NOISE) {
            throw new IllegalArgumentException("noise keys of kind NOISE are required");
        }
        if (ledger == null || ledger.kind() != JurisdictionKeys.Kind.LEDGER) {
            throw new IllegalArgumentException("ledger keys of kind LEDGER are required");
        }
    }

    /** All keys from the environment, as {@code ./gateway run} reads them (missing keys fail engine creation). */
    public static GatewayKeys fromEnvironment(Map<String, String> env) {
        return new GatewayKeys(HmacKeyRing.fromEnvironment(env),
                JurisdictionKeys.fromEnvironment(JurisdictionKeys.Kind.NOISE, env),
                JurisdictionKeys.fromEnvironment(JurisdictionKeys.Kind.LEDGER, env));
    }
}
