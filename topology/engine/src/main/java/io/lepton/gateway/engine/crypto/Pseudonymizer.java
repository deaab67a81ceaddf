package io.lepton.gateway.engine.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: {@code <keyId>.<base64url(HMAC-SHA256(key, value))>}.
 *
 * <p>Deterministic under one key, so the same customer id in two events (or the same e-mail in two messages) maps to
 * the same token and downstream joins still work; without the key a pseudonym cannot be reversed or recomputed by
 * guessing inputs. The key id travels with the pseudonym so keys can rotate: {@link #verify} checks a pseudonym
 * against whichever key made it, as long as the ring still holds that key.
 */
public final class Pseudonymizer {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final HmacKeyRing ring;
    private final String keyId;
    private final ThreadLocal<Mac> mac;

    /**
     * @throws IllegalArgumentException when the ring has no key {@code keyId}
     */
    public Pseudonymizer(HmacKeyRing ring, String keyId) {
        this.ring = Objects.requireNonNull(ring, "ring");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        SecretKeySpec key = ring.key(keyId).orElseThrow(() -> new IllegalArgumentException(
                "no HMAC key '" + keyId + "'; fix: set " + HmacKeyRing.environmentVariableFor(keyId)
                        + " or put a file named " + keyId + " in " + HmacKeyRing.ENV_DIR));
        this.mac = HmacSha256.perThread(key);
    }

    public String keyId() {
        return keyId;
    }

    /** The pseudonym of {@code value} under this pseudonymizer's key. */
    public String pseudonym(String value) {
        return keyId + "." + ENCODER.encodeToString(digest(mac.get(), value));
    }

    /** Whether {@code pseudonym} is the pseudonym of {@code value} under the key id it names. */
    public boolean verify(String value, String pseudonym) {
        int dot = pseudonym.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        Optional<SecretKeySpec> key = ring.key(pseudonym.substring(0, dot));
        if (key.isEmpty()) {
            return false;
        }
        byte[] expected = ENCODER.encodeToString(digest(HmacSha256.newMac(key.get()), value)).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = pseudonym.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] digest(Mac mac, String value) {
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }
}
