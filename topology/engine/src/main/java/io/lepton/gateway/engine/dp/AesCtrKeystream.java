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

    /** Buffer of a long-lived per-thread stream: one AES call per 1024 words. */
    static final int LONG_STREAM_BUFFER_BYTES = 8192;

    private final Supplier<byte[]> keySource;
    private final byte[] zeros;
    private final ByteBuffer buffer;
    private Cipher cipher;
    private long bytesUnderKey;

    AesCtrKeystream(Supplier<byte[]> keySource) {
        this.keySource = keySource;
        this.zeros = new byte[LONG_STREAM_BUFFER_BYTES];
        this.buffer = ByteBuffer.allocate(LONG_STREAM_BUFFER_BYTES);
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
            cipher.update(zeros, 0, zeros.length, buffer.array(), 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR keystream failed", e);
        }
        bytesUnderKey += zeros.length;
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
