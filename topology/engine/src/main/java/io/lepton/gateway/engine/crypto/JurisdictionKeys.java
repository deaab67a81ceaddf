package io.lepton.gateway.engine.crypto;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One secret per jurisdiction for one purpose ({@link Kind}): the DP noise PRF key or the privacy-ledger key.
 *
 * <p>Why separate from the pseudonym keys ({@link HmacKeyRing}): pseudonym keys rotate by key id, and anything keyed
 * by them changes on rotation. A budget ledger keyed that way would reset every subject's spend mid-period, and
 * noise keyed that way would give a replay across a rotation fresh noise. These keys are long-lived and named by the
 * jurisdiction, never by a rotating id. Sources: environment variable {@code LEPTON_<KIND>_KEY_<JURISDICTION>}
 * (upper case, '-' as '_'), or a file named {@code <jurisdiction>} in the directory {@code LEPTON_<KIND>_KEY_DIR};
 * base64 of at least 32 bytes.
 */
public final class JurisdictionKeys {

    /** What a jurisdiction key is for; each kind has its own variables, so one secret never serves two purposes. */
    public enum Kind {
        NOISE, LEDGER;

        /** Prefix of the per-jurisdiction environment variables, e.g. {@code LEPTON_NOISE_KEY_}. */
        public String envPrefix() {
            return "LEPTON_" + name() + "_KEY_";
        }

        /** The environment variable naming a directory of key files, e.g. {@code LEPTON_NOISE_KEY_DIR}. */
        public String envDir() {
            return envPrefix() + "DIR";
        }
    }

    private final Kind kind;
    private final Map<String, byte[]> keys;

    private JurisdictionKeys(Kind kind, Map<String, byte[]> keys) {
        this.kind = kind;
        this.keys = Map.copyOf(keys);
    }

    /** Keys given directly, by jurisdiction id (tests, ephemeral keys). */
    public static JurisdictionKeys of(Kind kind, Map<String, byte[]> keys) {
        Map<String, byte[]> copy = new HashMap<>();
        keys.forEach((id, bytes) -> copy.put(id, KeyMaterial.checked(bytes, "key of " + id)));
        return new JurisdictionKeys(kind, copy);
    }

    /** Reads {@code kind}'s keys from {@code env} (usually {@link System#getenv()}) and the directory it may name. */
    public static JurisdictionKeys fromEnvironment(Kind kind, Map<String, String> env) {
        return new JurisdictionKeys(kind, KeyMaterial.read(env, kind.envPrefix(), kind.envDir(), "jurisdiction id"));
    }

    /**
     * These keys plus a random key for each of {@code jurisdictions} that has none, for commands that try things
     * out ({@code dry-run}, {@code replay}, {@code demo}); returns the ids that got one in {@code ephemeral}.
     */
    public JurisdictionKeys withEphemeral(Collection<String> jurisdictions, Set<String> ephemeral) {
        SecureRandom random = new SecureRandom();
        Map<String, byte[]> merged = new HashMap<>(keys);
        for (String id : jurisdictions) {
            if (!merged.containsKey(id)) {
                byte[] key = new byte[KeyMaterial.MIN_KEY_BYTES];
                random.nextBytes(key);
                merged.put(id, key);
                ephemeral.add(id);
            }
        }
        return new JurisdictionKeys(kind, merged);
    }

    public Kind kind() {
        return kind;
    }

    /** A copy of {@code jurisdiction}'s key, if configured. */
    public Optional<byte[]> key(String jurisdiction) {
        byte[] key = keys.get(jurisdiction);
        return key == null ? Optional.empty() : Optional.of(key.clone());
    }

    /**
     * {@code jurisdiction}'s key.
     *
     * @throws IllegalArgumentException naming the variable and directory that would provide it
     */
    public byte[] require(String jurisdiction) {
        return key(jurisdiction).orElseThrow(() -> new IllegalArgumentException("no " + kind.name()
                .toLowerCase(Locale.ROOT) + " key for jurisdiction " + jurisdiction + "; fix: set "
                + environmentVariableFor(jurisdiction) + " to a base64 key of 32+ random bytes, or mount a file named "
                + jurisdiction + " in $" + kind.envDir()));
    }

    /** The jurisdictions that have a key. */
    public Set<String> ids() {
        return new TreeSet<>(keys.keySet());
    }

    /** The environment variable that would provide {@code jurisdiction}'s key. */
    public String environmentVariableFor(String jurisdiction) {
        return KeyMaterial.variableFor(kind.envPrefix(), jurisdiction);
    }
}
