package io.lepton.serdes.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The UTF-8 check against two independent oracles: cases from Markus Kuhn's UTF-8 decoder stress test and RFC 3629
 * section 10, and the JDK's own UTF-8 decoder in REPORT mode over a seeded stream of random and mutated byte strings.
 */
class WellFormedUtf8Test {

    @ParameterizedTest(name = "{0} well-formed={1}")
    @CsvSource({
        "41e282ac, true",          // "A€"
        "f09f9880, true",          // U+1F600
        "f48fbfbf, true",          // U+10FFFF, the last code point
        "efbfbd, true",            // U+FFFD itself
        "ed9fbf, true",            // U+D7FF, just below the surrogates
        "c0af, false",             // overlong '/' (Kuhn 4.1.1)
        "e080af, false",           // overlong '/' in three bytes (Kuhn 4.1.2)
        "f08080af, false",         // overlong '/' in four bytes (Kuhn 4.1.3)
        "eda080, false",           // U+D800, a lone high surrogate (Kuhn 5.1.1)
        "edbfbf, false",           // U+DFFF (Kuhn 5.1.7)
        "f4908080, false",         // U+110000, above the last code point (RFC 3629)
        "80, false",               // lone continuation byte (Kuhn 3.1.1)
        "c3, false",               // truncated two-byte sequence (Kuhn 3.3.1)
        "e282, false",             // truncated three-byte sequence
        "fe, false",               // byte that never appears (Kuhn 3.5.1)
        "c328, false",             // bad continuation
    })
    void publishedCases(String hex, boolean wellFormed) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(WellFormedUtf8.check(bytes, 0, bytes.length)).isEqualTo(wellFormed);
        assertThat(jdkAccepts(bytes)).as("oracle agrees").isEqualTo(wellFormed);
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomAndMutatedStrings() {
        SplittableRandom random = new SplittableRandom(20261203L);
        byte[] text = "Grüße, 你好, 😀 — jane.roe@example.com".getBytes(StandardCharsets.UTF_8);
        int invalid = 0;
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes;
            if (n % 2 == 0) {
                bytes = new byte[random.nextInt(1, 8)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
            } else {
                bytes = text.clone();
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            boolean expected = jdkAccepts(bytes);
            invalid += expected ? 0 : 1;
            assertThat(WellFormedUtf8.check(bytes, 0, bytes.length)).as(HexFormat.of().formatHex(bytes))
                    .isEqualTo(expected);
        }
        assertThat(invalid).as("the stream exercises both answers").isBetween(20_000, 180_000);
    }

    @Test
    void checksOnlyTheGivenRange() {
        byte[] bytes = {(byte) 0xFF, 'o', 'k', (byte) 0xC3};
        assertThat(WellFormedUtf8.check(bytes, 1, 2)).isTrue();
        assertThat(WellFormedUtf8.check(bytes, 1, 3)).isFalse();
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
