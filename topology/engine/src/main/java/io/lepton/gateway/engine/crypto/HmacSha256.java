package io.lepton.gateway.engine.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's one keyed PRF, HMAC-SHA256, as per-thread {@link Mac} instances: pseudonyms, ledger keys, noise
 * seeds and text replacements all use it. A {@code Mac} is stateful and not thread-safe, and creating one per call
 * costs a provider look-up and key schedule on the hot path, hence one per thread and key.
 */
public final class HmacSha256 {

    /** The JCA algorithm name. */
    public static final String ALGORITHM = "HmacSHA256";

    private HmacSha256() {}

    /** A per-thread MAC under {@code key} (the bytes are copied). */
    public static ThreadLocal<Mac> perThread(byte[] key) {
        return perThread(new SecretKeySpec(key.clone(), ALGORITHM));
    }

    /** A per-thread MAC under {@code key}. */
    public static ThreadLocal<Mac> perThread(SecretKeySpec key) {
        return ThreadLocal.withInitial(() -> newMac(key));
    }

    /** A new MAC under {@code key}, for one-off use. */
    public static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable in this JVM", e);
        }
    }
}
