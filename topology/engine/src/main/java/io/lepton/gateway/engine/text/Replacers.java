package io.lepton.gateway.engine.text;

import io.lepton.gateway.engine.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;

/**
 * The replacement actions a policy can choose per type: a typed placeholder, a mask that keeps the layout, or a
 * keyed pseudonym that maps equal values to equal tokens across records without being reversible without the key.
 */
public final class Replacers {
    /** Keys shorter than this would make the pseudonyms brute-forceable over small value spaces such as phones. */
    public static final int MIN_HMAC_KEY_BYTES = 16;
    private static final int PSEUDONYM_HEX_CHARS = 16;

    private Replacers() {
    }

    /** {@code [EMAIL]}, {@code [PHONE]}, {@code [PERSON_NAME]}... */
    public static Replacer placeholder() {
        return (type, matched) -> "[" + type + "]";
    }

    /** Every letter and digit becomes '*'; separators, '@' and '.' stay, so the shape remains readable. */
    public static Replacer mask() {
        return mask(0);
    }

    /** Like {@link #mask()} but the last {@code keepLast} letters or digits stay visible (e.g. 4 for cards). */
    public static Replacer mask(int keepLast) {
        if (keepLast < 0) {
            throw new IllegalArgumentException("keepLast must be >= 0, was " + keepLast);
        }
        return (type, matched) -> {
            char[] out = matched.toCharArray();
            int kept = 0;
            for (int i = out.length - 1; i >= 0; i--) {
                if (Character.isLetterOrDigit(out[i])) {
                    if (kept < keepLast) {
                        kept++;
                    } else {
                        out[i] = '*';
                    }
                }
            }
            return new String(out);
        };
    }

    /**
     * {@code [EMAIL:3f9a0c…]}: HMAC-SHA256 over the type and the value's letters and digits in lower case (so
     * "John@X.com" and "john@x.com", or "415-555-2671" and "(415) 555 2671", get the same token), truncated to
     * {@value #PSEUDONYM_HEX_CHARS} hex characters.
     *
     * @param key secret of at least {@value #MIN_HMAC_KEY_BYTES} bytes, shared by every instance that must agree
     */
    public static Replacer hmac(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_HMAC_KEY_BYTES) {
            throw new IllegalArgumentException("HMAC key must have at least " + MIN_HMAC_KEY_BYTES + " bytes, had "
                + key.length);
        }
        ThreadLocal<Mac> macs = HmacSha256.perThread(key);
        return (type, matched) -> {
            Mac mac = macs.get();
            mac.update(type.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(canonical(matched).getBytes(StandardCharsets.UTF_8));
            return "[" + type + ":" + HexFormat.of().formatHex(digest).substring(0, PSEUDONYM_HEX_CHARS) + "]";
        };
    }

    /** The replacer of {@code byType.get(typeName)}, or {@code fallback} for types the map does not name. */
    public static Replacer perType(Map<String, Replacer> byType, Replacer fallback) {
        Map<String, Replacer> copy = Map.copyOf(byType);
        Objects.requireNonNull(fallback, "fallback");
        return (type, matched) -> copy.getOrDefault(type, fallback).replace(type, matched);
    }

    private static String canonical(String matched) {
        StringBuilder sb = new StringBuilder(matched.length());
        matched.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
