package io.lepton.gateway.engine.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class NoiseKeysTest {

    private static final byte[] KEY_A = key(1);
    private static final byte[] KEY_B = key(2);
    private final NoiseKeys keys = new NoiseKeys(Map.of("eu-gdpr", KEY_A, "us-ccpa", KEY_B));

    @Test
    void theSameContextGivesTheSameWordsEveryTime() {
        long[] first = words(keys.bitsFor("eu-gdpr", "evt-1", "satisfaction"), 100);
        long[] again = words(new NoiseKeys(Map.of("eu-gdpr", KEY_A)).bitsFor("eu-gdpr", "evt-1", "satisfaction"), 100);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void anotherContextJurisdictionOrKeyGivesOtherWords() {
        long[] base = words(keys.bitsFor("eu-gdpr", "evt-1", "satisfaction"), 4);
        assertThat(words(keys.bitsFor("eu-gdpr", "evt-2", "satisfaction"), 4)).isNotEqualTo(base);
        assertThat(words(keys.bitsFor("eu-gdpr", "evt-1", "amount"), 4)).isNotEqualTo(base);
        assertThat(words(keys.bitsFor("us-ccpa", "evt-1", "satisfaction"), 4)).isNotEqualTo(base);
        assertThat(words(keys.bitsFor("eu-gdpr", "ab", "c"), 4)).as("length-prefixed: no ambiguity")
                .isNotEqualTo(words(keys.bitsFor("eu-gdpr", "a", "bc"), 4));
    }

    /**
     * The documented construction, recomputed with the JDK's primitives only: the seed is HMAC-SHA256 of the
     * length-prefixed context, the words are the AES-256-CTR keystream (counter from zero) under that seed. 300
     * words span several refills; a second stream drawn in between on the same thread must not disturb the first.
     */
    @Test
    void wordsAreTheAesCtrKeystreamOfTheContextsHmacEvenWhenStreamsInterleave() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY_A, "HmacSHA256"));
        for (String part : new String[] {"evt-1", "satisfaction"}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            mac.update(bytes);
        }
        Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(mac.doFinal(), "AES"), new IvParameterSpec(new byte[16]));
        LongBuffer keystream = ByteBuffer.wrap(aes.doFinal(new byte[300 * Long.BYTES])).asLongBuffer();
        long[] expected = new long[300];
        keystream.get(expected);

        RandomBits first = keys.bitsFor("eu-gdpr", "evt-1", "satisfaction");
        RandomBits other = keys.bitsFor("eu-gdpr", "evt-2", "satisfaction");
        long[] drawn = new long[300];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = first.nextLong();
            other.nextLong();
            other.nextLong();
        }
        assertThat(drawn).isEqualTo(expected);
    }

    @Test
    void aStreamLongerThanOneBufferContinuesWithoutRepeating() {
        long[] words = words(keys.bitsFor("eu-gdpr", "long"), 200);
        assertThat(java.util.Arrays.stream(words).distinct().count()).isEqualTo(200);
    }

    /**
     * Discrete Laplace with scale 3 drawn from one PRF stream per context: its variance must match the closed form
     * 2p/(1-p)² with p = e^(-1/3) (= 17.49). 40000 samples: standard error of the variance about 0.24, tolerance
     * 1.0 (about 4 standard errors); a stream that repeated across contexts would collapse the variance.
     */
    @Test
    void samplersFedByPerContextStreamsHaveTheExactDistribution() {
        DiscreteLaplace laplace = new DiscreteLaplace(3, 1);
        int n = 40_000;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            long x = laplace.sample(keys.bitsFor("eu-gdpr", "evt-" + i, "satisfaction"));
            sum += x;
            sumSquares += (double) x * x;
        }
        double p = Math.exp(-1.0 / 3);
        double variance = sumSquares / n - (sum / n) * (sum / n);
        assertThat(variance).isCloseTo(2 * p / ((1 - p) * (1 - p)), org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void refusesShortKeysUnknownJurisdictionsAndEmptyContexts() {
        assertThatThrownBy(() -> new NoiseKeys(Map.of("x", new byte[31]))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> keys.bitsFor("cn-pipl", "e")).hasMessageContaining("cn-pipl");
        assertThatThrownBy(() -> keys.bitsFor("eu-gdpr")).hasMessageContaining("context");
    }

    private static long[] words(RandomBits bits, int count) {
        long[] words = new long[count];
        for (int i = 0; i < count; i++) {
            words[i] = bits.nextLong();
        }
        return words;
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }
}
