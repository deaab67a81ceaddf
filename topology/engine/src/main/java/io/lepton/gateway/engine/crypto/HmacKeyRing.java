package io.lepton.gateway.engine.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC keys available to the gateway, by key id. Several ids may be present at once so pseudonyms made under a
 * retiring key stay verifiable while policies move to a new one.
 *
 * <p>Keys never live in the repository or in policy files: they come from environment variables
 * {@code LEPTON_HMAC_KEY_<ID>} (id upper-cased, '-' written '_') or from files named {@code <id>} in the directory
 * {@code LEPTON_HMAC_KEY_DIR} (a mounted Kubernetes Secret). Values are base64 (standard or URL alphabet) of at least
 * 32 random bytes.
 */
public final class HmacKeyRing {

    /** Prefix of the environment variables holding keys. */
    public static final String ENV_PREFIX = "LEPTON_HMAC_KEY_";
    /** Environment variable naming a directory of key files. */
    public static final String ENV_DIR = "LEPTON_HMAC_KEY_DIR";
    /** Fewest random bytes a key may hold (256 bits). */
    public static final int MIN_KEY_BYTES = 32;

    private final Map<String, SecretKeySpec> keys;

    private HmacKeyRing(Map<String, SecretKeySpec> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** A ring of raw keys by id (tests, and ephemeral demo keys). */
    public static HmacKeyRing of(Map<String, byte[]> rawKeys) {
        Map<String, SecretKeySpec> keys = new HashMap<>();
        rawKeys.forEach((id, bytes) -> keys.put(id, key(id, bytes, "key '" + id + "'")));
        return new HmacKeyRing(keys);
    }

    /** Reads keys from {@code env} (usually {@link System#getenv()}) and the key directory it may name. */
    public static HmacKeyRing fromEnvironment(Map<String, String> env) {
        Map<String, SecretKeySpec> keys = new HashMap<>();
        String dir = env.get(ENV_DIR);
        if (dir != null && !dir.isBlank()) {
            readDirectory(Path.of(dir), keys);
        }
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && !name.equals(ENV_DIR)) {
                String id = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-');
                keys.put(id, key(id, decode(value.trim(), "environment variable " + name), "environment variable " + name));
            }
        });
        return new HmacKeyRing(keys);
    }

    private static void readDirectory(Path dir, Map<String, SecretKeySpec> keys) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(ENV_DIR + "=" + dir + " is not a directory; "
                    + "fix: point it at the mounted secret holding one file per key id");
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String id = file.getFileName().toString();
                if (id.startsWith(".")) {
                    continue;
                }
                String source = "key file " + file;
                keys.put(id, key(id, decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), source), source));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read key directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static byte[] decode(String value, String source) {
        try {
            return value.indexOf('-') >= 0 || value.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(value) : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not base64; fix: generate one with "
                    + "'head -c 32 /dev/urandom | base64'");
        }
    }

    private static SecretKeySpec key(String id, byte[] bytes, String source) {
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(source + " holds " + bytes.length + " bytes, fewer than "
                    + MIN_KEY_BYTES + "; fix: generate one with 'head -c 32 /dev/urandom | base64'");
        }
        return new SecretKeySpec(bytes.clone(), "HmacSHA256");
    }

    public Optional<SecretKeySpec> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    /** The environment variable that would provide key {@code id}, for error messages. */
    public static String environmentVariableFor(String id) {
        return ENV_PREFIX + id.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
