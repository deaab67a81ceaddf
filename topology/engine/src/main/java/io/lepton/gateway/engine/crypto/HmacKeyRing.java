package io.lepton.gateway.engine.crypto;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC keys available to the gateway, by key id. Several ids may be present at once so pseudonyms made under a
 * retiring key stay verifiable while policies move to a new one.
 *
 * <p>Keys never live in the repository or in policy files: they come from environment variables
 * {@code LEPTON_HMAC_KEY_<ID>} (id upper-cased, '-' written '_') or from files named {@code <id>} in the directory
 * {@code LEPTON_HMAC_KEY_DIR} (a mounted Kubernetes Secret), read and checked by {@link KeyMaterial}.
 */
public final class HmacKeyRing {

    /** Prefix of the environment variables holding keys. */
    public static final String ENV_PREFIX = "LEPTON_HMAC_KEY_";
    /** Environment variable naming a directory of key files. */
    public static final String ENV_DIR = "LEPTON_HMAC_KEY_DIR";
    /** Fewest random bytes a key may hold (256 bits). */
    public static final int MIN_KEY_BYTES = KeyMaterial.MIN_KEY_BYTES;

    private final Map<String, SecretKeySpec> keys;

    private HmacKeyRing(Map<String, SecretKeySpec> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** A ring of raw keys by id (tests, and ephemeral demo keys). */
    public static HmacKeyRing of(Map<String, byte[]> rawKeys) {
        Map<String, SecretKeySpec> keys = new HashMap<>();
        rawKeys.forEach((id, bytes) -> keys.put(id,
                new SecretKeySpec(KeyMaterial.checked(bytes, "key '" + id + "'"), "HmacSHA256")));
        return new HmacKeyRing(keys);
    }

    /** Reads keys from {@code env} (usually {@link System#getenv()}) and the key directory it may name. */
    public static HmacKeyRing fromEnvironment(Map<String, String> env) {
        return of(KeyMaterial.read(env, ENV_PREFIX, ENV_DIR, "key id"));
    }

    public Optional<SecretKeySpec> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    /** The environment variable that would provide key {@code id}, for error messages. */
    public static String environmentVariableFor(String id) {
        return KeyMaterial.variableFor(ENV_PREFIX, id);
    }
}
