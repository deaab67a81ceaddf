package io.lepton.gateway.engine.dp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A short AES-256-CTR keystream (counter starting at block 0, re-keyed from a key source every
 * {@link AesCtrKeystream#REKEY_BYTES} bytes: the same words as an {@link AesCtrKeystream} under the same keys) that
 * owns no {@link Cipher}: each refill seeks the calling thread's shared cipher to the stream's key and next counter
 * block (CTR mode's counter is its position, so {@code IV = block index} continues the stream exactly).
 *
 * <p>Why: {@link NoiseKeys} makes one stream per (event, field) and per aggregate release, and
 * {@code Cipher.getInstance} (a provider look-up) cost more than the noise itself. Re-initialising a cipher is a
 * key expansion, a fraction of that, and because every refill re-initialises, streams alive at the same time on one
 * thread cannot disturb each other. Not thread-safe: one instance per use, on the thread that made it.
 */
final class SeekableKeystream implements RandomBits {

    private static final int BLOCK_BYTES = 16;
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(SeekableKeystream::newCipher);

    private final Supplier<byte[]> keySource;
    private final byte[] zeros;
    private final ByteBuffer buffer;
    private final byte[] counterBlock = new byte[BLOCK_BYTES];
    private SecretKeySpec key;
    private long nextBlock;

    /**
     * @param keySource the stream's AES-256 keys, the first for the first GiB
     * @param bufferBytes keystream bytes produced per refill, a positive multiple of 16
     */
    SeekableKeystream(Supplier<byte[]> keySource, int bufferBytes) {
        if (bufferBytes <= 0 || bufferBytes % BLOCK_BYTES != 0) {
            throw new IllegalArgumentException("buffer must be a positive multiple of 16 bytes: " + bufferBytes);
        }
        this.keySource = keySource;
        this.zeros = new byte[bufferBytes];
        this.buffer = ByteBuffer.allocate(bufferBytes);
        rekey();
        refill();
    }

    @Override
    public long nextLong() {
        if (buffer.remaining() < Long.BYTES) {
            refill();
        }
        return buffer.getLong();
    }

    private void refill() {
        if (nextBlock * BLOCK_BYTES >= AesCtrKeystream.REKEY_BYTES) {
            rekey();
        }
        // The 128-bit big-endian counter block of the first block of this refill (the high 64 bits stay zero).
        for (int i = 0; i < Long.BYTES; i++) {
            counterBlock[BLOCK_BYTES - 1 - i] = (byte) (nextBlock >>> (8 * i));
        }
        Cipher cipher = CIPHERS.get();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(counterBlock));
            cipher.update(zeros, 0, zeros.length, buffer.array(), 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR keystream failed", e);
        }
        nextBlock += zeros.length / BLOCK_BYTES;
        buffer.clear();
    }

    private void rekey() {
        byte[] fresh = keySource.get();
        if (fresh.length != 32) {
            throw new IllegalStateException("key source must yield 32-byte AES-256 keys, got " + fresh.length);
        }
        key = new SecretKeySpec(fresh, "AES");
        nextBlock = 0;
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR/NoPadding is unavailable in this JVM", e);
        }
    }
}
