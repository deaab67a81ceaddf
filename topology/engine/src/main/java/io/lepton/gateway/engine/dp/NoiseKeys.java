package io.lepton.gateway.engine.dp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reproducible DP randomness: a keyed PRF from (jurisdiction noise key, context strings) to a stream of
 * {@link RandomBits}, so that the same event released twice (a replay, a retry after a crash, an aborted
 * exactly-once transaction) gets the same noise instead of a fresh draw that averaging could cancel.
 *
 * <p>Construction: {@code seed = HMAC-SHA256(noiseKey_j, len(c_1) ‖ c_1 ‖ ... ‖ len(c_n) ‖ c_n)} (length-prefixed
 * UTF-8, so no two context lists collide), then the AES-256-CTR keystream under {@code seed} as the random words,
 * re-keyed by {@code HMAC(seed, counter)} should a stream ever exceed a GiB. HMAC-SHA256 is a PRF and AES-CTR a
 * PRG, so to anyone without the key the words are indistinguishable from uniform, and the exact samplers'
 * guarantees hold against computationally bounded observers. Different contexts give independent-looking streams.
 *
 * <p>Reusable: the sanitizer asks for (eventId, field, value), DP aggregates can ask for (window, group, metric).
 * Thread-safe; a stream is used on the thread that asked for it ({@link SeekableKeystream} shares that thread's
 * cipher).
 */
public final class NoiseKeys {

    /** Per-stream keystream buffer: a noise sample needs a handful of words, so 32 words per AES call. */
    private static final int STREAM_BUFFER_BYTES = 256;

    private final Map<String, ThreadLocal<Mac>> macs;

    /** Keys by jurisdiction id, each at least 32 bytes. */
    public NoiseKeys(Map<String, byte[]> keys) {
        Map<String, ThreadLocal<Mac>> byJurisdiction = new HashMap<>();
        keys.forEach((jurisdiction, key) -> {
            if (key.length < 32) {
                throw new IllegalArgumentException("noise key of " + jurisdiction + " is shorter than 32 bytes");
            }
            SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
            byJurisdiction.put(jurisdiction, ThreadLocal.withInitial(() -> mac(spec)));
        });
        this.macs = Map.copyOf(byJurisdiction);
    }

    /** Whether {@code jurisdiction} has a noise key. */
    public boolean has(String jurisdiction) {
        return macs.containsKey(jurisdiction);
    }

    /**
     * The random bits for {@code context} under {@code jurisdiction}'s key: the same words for the same arguments,
     * every time. Not thread-safe itself: one stream per use, on the calling thread.
     *
     * @throws IllegalArgumentException when the jurisdiction has no key or the context is empty
     */
    public RandomBits bitsFor(String jurisdiction, String... context) {
        if (context.length == 0) {
            throw new IllegalArgumentException("a noise context is required");
        }
        ThreadLocal<Mac> mac = macs.get(jurisdiction);
        if (mac == null) {
            throw new IllegalArgumentException("no noise key for jurisdiction " + jurisdiction);
        }
        Mac m = mac.get();
        byte[] length = new byte[Integer.BYTES];
        for (String part : context) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            m.update(ByteBuffer.wrap(length).putInt(bytes.length).array());
            m.update(bytes);
        }
        byte[] seed = m.doFinal();
        return new SeekableKeystream(rekeys(seed), STREAM_BUFFER_BYTES);
    }

    /** First the seed itself, then HMAC(seed, 1), HMAC(seed, 2), ...: never the same AES key twice in one stream. */
    private static java.util.function.Supplier<byte[]> rekeys(byte[] seed) {
        long[] counter = {0};
        return () -> {
            long n = counter[0]++;
            if (n == 0) {
                return seed;
            }
            Mac derive = mac(new SecretKeySpec(seed, "HmacSHA256"));
            return derive.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(n).array());
        };
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable in this JVM", e);
        }
    }
}
