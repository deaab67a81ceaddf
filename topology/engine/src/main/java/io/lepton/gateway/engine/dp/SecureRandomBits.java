package io.lepton.gateway.engine.dp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Cryptographically secure {@link RandomBits} for the hot path, safe to share between threads.
 *
 * <p>Each thread gets its own AES-256-CTR generator ({@link AesCtrKeystream}), keyed (and re-keyed every GiB) from a
 * JDK {@code DRBG} {@link SecureRandom} at 256-bit strength. Noise must be unpredictable to whoever reads the
 * sanitized output: a seeded or non-cryptographic PRNG would let an observer who learns the state subtract the noise.
 *
 * <p>{@link #seeded(long)} exists for tests only: it derives keys from a seed so that a single-threaded test run is
 * reproducible. It is as unpredictable as its seed, i.e. not at all; never use it in production.
 */
public final class SecureRandomBits implements RandomBits {

    private final ThreadLocal<AesCtrKeystream> streams;

    /** The production generator: per-thread AES-CTR keyed from a {@code DRBG} {@link SecureRandom}. */
    public SecureRandomBits() {
        SecureRandom drbg = newDrbg();
        this.streams = ThreadLocal.withInitial(() -> new AesCtrKeystream(() -> {
            byte[] key = new byte[32];
            drbg.nextBytes(key);
            return key;
        }));
    }

    private SecureRandomBits(Supplier<byte[]> keySource) {
        this.streams = ThreadLocal.withInitial(() -> new AesCtrKeystream(keySource));
    }

    /**
     * A reproducible generator for tests: keys are SHA-256(seed, n) for n = 0, 1, ..., so a single thread sees the
     * same words for the same seed. Predictable by construction: tests only.
     */
    public static SecureRandomBits seeded(long seed) {
        AtomicLong keyIndex = new AtomicLong();
        return new SecureRandomBits(() -> deriveKey(seed, keyIndex.getAndIncrement()));
    }

    @Override
    public long nextLong() {
        return streams.get().nextLong();
    }

    private static SecureRandom newDrbg() {
        try {
            return SecureRandom.getInstance("DRBG", DrbgParameters.instantiation(256,
                    DrbgParameters.Capability.RESEED_ONLY, "lepton-dp".getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no DRBG SecureRandom with 256-bit strength in this JVM", e);
        }
    }

    private static byte[] deriveKey(long seed, long index) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return sha256.digest(ByteBuffer.allocate(16).putLong(seed).putLong(index).array());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }
}
