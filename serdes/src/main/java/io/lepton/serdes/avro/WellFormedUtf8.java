package io.lepton.serdes.avro;

/**
 * Whether bytes are well-formed UTF-8 as RFC 3629 defines it (no overlong forms, no surrogates, nothing above
 * U+10FFFF), checked in one pass without decoding.
 *
 * <p>Why check at all: Avro hands strings on as raw bytes and decoding them later replaces each bad byte with
 * U+FFFD silently, so a producer could split an e-mail address or an IBAN with one invalid byte and the free-text
 * detectors would see two harmless fragments. A string that is not UTF-8 is not a valid Avro string either, so the
 * record is refused as malformed and quarantined.
 */
final class WellFormedUtf8 {

    private WellFormedUtf8() {}

    static boolean check(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int continuation;
            int min;
            int max;
            if (b >= 0xC2 && b <= 0xDF) {
                continuation = 1;
                min = 0x80;
                max = 0xBF;
            } else if (b >= 0xE0 && b <= 0xEF) {
                continuation = 2;
                // E0 needs A0..BF (no overlong), ED needs 80..9F (no surrogate).
                min = b == 0xE0 ? 0xA0 : 0x80;
                max = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                continuation = 3;
                // F0 needs 90..BF (no overlong), F4 needs 80..8F (nothing above U+10FFFF).
                min = b == 0xF0 ? 0x90 : 0x80;
                max = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                return false;
            }
            if (end - i <= continuation) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min || second > max) {
                return false;
            }
            for (int k = 2; k <= continuation; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return false;
                }
            }
            i += continuation + 1;
        }
        return true;
    }
}
