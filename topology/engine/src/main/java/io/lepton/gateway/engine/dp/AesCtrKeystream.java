package io.lepton.gateway.engine.dp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One thread's deterministic random bit generator: the AES-256-CTR keystream under a key from a key source,
 * re-keyed from that source every {@link #REKEY_BYTES} bytes.
 *
 * <p>AES-CTR is a standard DRBG construction (NIST SP 800-90A CTR_DRBG without derivation function); the JDK's AES
 * intrinsics make it about an order of magnitude faster than calling {@code SecureRandom} per word, which matters
 * because one discrete Gaussian sample consumes a dozen or more words. Not thread-safe: one instance per thread.
 */
final class AesCtrKeystream {

    /** Re-key after 1 GiB of output: far below AES-CTR's birthday bound, and limits what one key compromise reveals. */
    static final long REKEY_BYTES = 1L << 30;

    private static final int BUFFER_BYTES = 8192;
    private static final byte[] ZEROS = new byte[BUFFER_BYTES];

    private final Supplier<byte[]> keySource;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private Cipher cipher;
    private long bytesUnderKey;

    AesCtrKeystream(Supplier<byte[]> keySource) {
        this.keySource = keySource;
        rekey();
        refill();
    }

    long nextLong() {
        if (buffer.remaining() < Long.BYTES) {
            refill();
        }
        return buffer.getLong();
    }

    private void refill() {
        if (bytesUnderKey >= REKEY_BYTES) {
            rekey();
        }
        try {
            cipher.update(ZEROS, 0, BUFFER_BYTES, buffer.array(), 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR keystream failed", e);
        }
        bytesUnderKey += BUFFER_BYTES;
        buffer.clear();
    }

    private void rekey() {
        byte[] key = keySource.get();
        if (key.length != 32) {
            throw new IllegalStateException("key source must yield 32-byte AES-256 keys, got " + key.length);
        }
        try {
            Cipher fresh = Cipher.getInstance("AES/CTR/NoPadding");
            // A fresh random key per stream makes a fixed all-zero counter start safe: no (key, counter) pair repeats.
            fresh.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            cipher = fresh;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR/NoPadding is unavailable in this JVM", e);
        }
        bytesUnderKey = 0;
    }
}
