package io.lepton.gateway.engine.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads secret keys the one way every key of the gateway is provided: environment variables {@code <PREFIX><ID>}
 * (id upper-cased, '-' written '_') and files named {@code <id>} in the directory a {@code <PREFIX>DIR} variable
 * names (a mounted Kubernetes Secret); values are base64 (standard or URL alphabet) of at least
 * {@link #MIN_KEY_BYTES} random bytes. Pseudonym keys ({@link HmacKeyRing}) and jurisdiction keys
 * ({@link JurisdictionKeys}) differ in what the id means, not in how a key is read or checked, so both use this.
 *
 * <p>Error messages name the variable or file and the fix, never the value.
 */
final class KeyMaterial {

    /** Fewest random bytes a key may hold (256 bits). */
    static final int MIN_KEY_BYTES = 32;

    private static final String FIX = "fix: generate one with 'head -c 32 /dev/urandom | base64'";

    private KeyMaterial() {}

    /**
     * Every key in {@code env} under {@code prefix} and in the directory named by {@code dirVariable}, by id; an
     * environment variable wins over a file of the same id.
     */
    static Map<String, byte[]> read(Map<String, String> env, String prefix, String dirVariable, String fileHint) {
        Map<String, byte[]> keys = new HashMap<>();
        String dir = env.get(dirVariable);
        if (dir != null && !dir.isBlank()) {
            readDirectory(Path.of(dir), dirVariable, fileHint, keys);
        }
        env.forEach((name, value) -> {
            if (name.startsWith(prefix) && !name.equals(dirVariable)) {
                String source = "environment variable " + name;
                keys.put(idOf(name.substring(prefix.length())), checked(decode(value.trim(), source), source));
            }
        });
        return keys;
    }

    /** The environment variable under {@code prefix} that would provide key {@code id}. */
    static String variableFor(String prefix, String id) {
        return prefix + id.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * {@code bytes} if long enough to be a key.
     *
     * @throws IllegalArgumentException naming {@code source} and the fix otherwise
     */
    static byte[] checked(byte[] bytes, String source) {
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(source + " holds " + bytes.length + " bytes, fewer than "
                    + MIN_KEY_BYTES + "; " + FIX);
        }
        return bytes.clone();
    }

    private static String idOf(String variableSuffix) {
        return variableSuffix.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void readDirectory(Path dir, String dirVariable, String fileHint, Map<String, byte[]> keys) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dirVariable + "=" + dir + " is not a directory; "
                    + "fix: point it at the mounted secret holding one file per " + fileHint);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String id = file.getFileName().toString();
                if (!id.startsWith(".")) {
                    String source = "key file " + file;
                    keys.put(id, checked(decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), source),
                            source));
                }
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
            throw new IllegalArgumentException(source + " is not base64; " + FIX);
        }
    }
}
