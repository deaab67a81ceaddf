package io.lepton.gateway.engine.aggregate;

import io.lepton.gateway.engine.dp.RandomBits;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link NoiseSource} as HMAC-SHA256 in counter mode: block i of the stream for (j, w, g, p) is
 * {@code HMAC(key, len(j)‖j‖w‖len(g)‖g‖len(p)‖p‖i)}, four 64-bit words per block. Length-prefixing makes the
 * encoding injective, so distinct arguments never share a stream; HMAC as a PRF makes the streams independent and
 * unpredictable without the key (the construction of HMAC_DRBG's generate step, NIST SP 800-90A, without reseeding:
 * each stream is short).
 */
public final class HmacNoiseSource implements NoiseSource {

    private static final String ALGORITHM = "HmacSHA256";

    private final ThreadLocal<Mac> mac;

    /** A source keyed with {@code key} (at least 32 bytes). */
    public HmacNoiseSource(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the noise key must have at least 32 bytes");
        }
        SecretKeySpec spec = new SecretKeySpec(key.clone(), ALGORITHM);
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac instance = Mac.getInstance(ALGORITHM);
                instance.init(spec);
                return instance;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
            }
        });
    }

    @Override
    public RandomBits bits(String jurisdiction, long windowStart, String group, String purpose) {
        ByteArrayOutputStream prefix = new ByteArrayOutputStream(64);
        writeString(prefix, jurisdiction);
        prefix.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(windowStart).array());
        writeString(prefix, group);
        writeString(prefix, purpose);
        return new Stream(prefix.toByteArray());
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    /** One stream: refills four words per HMAC block. Not thread-safe, like any {@link RandomBits}. */
    private final class Stream implements RandomBits {

        private final byte[] prefix;
        private final ByteBuffer block = ByteBuffer.allocate(32).position(32);
        private long counter;

        Stream(byte[] prefix) {
            this.prefix = prefix;
        }

        @Override
        public long nextLong() {
            if (!block.hasRemaining()) {
                Mac instance = mac.get();
                instance.update(prefix);
                instance.update(ByteBuffer.allocate(Long.BYTES).putLong(counter++).array());
                block.clear();
                block.put(instance.doFinal()).flip();
            }
            return block.getLong();
        }
    }
}
