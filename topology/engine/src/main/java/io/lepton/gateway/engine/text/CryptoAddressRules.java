package io.lepton.gateway.engine.text;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Bitcoin address validation: Base58Check (version byte 0x00 or 0x05, double-SHA-256 checksum) and Bech32/Bech32m
 * SegWit addresses (BIP 173 / BIP 350 checksum, witness version and program length). A checksum is required so
 * random base58-looking tokens (session ids, hashes) are not reported.
 */
final class CryptoAddressRules {
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATORS = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    private static final int BECH32M_CONST = 0x2bc830a3;

    private CryptoAddressRules() {
    }

    /** Legacy (1...) or P2SH (3...) address, 26-35 base58 characters. */
    static boolean base58Check(CharSequence s) {
        int len = s.length();
        if (len < 26 || len > 35 || (s.charAt(0) != '1' && s.charAt(0) != '3')) {
            return false;
        }
        byte[] bytes = new byte[25];
        for (int i = 0; i < len; i++) {
            int carry = BASE58.indexOf(s.charAt(i));
            if (carry < 0) {
                return false;
            }
            for (int k = bytes.length - 1; k >= 0; k--) {
                carry += 58 * (bytes[k] & 0xFF);
                bytes[k] = (byte) carry;
                carry >>>= 8;
            }
            if (carry != 0) {
                return false; // more than 25 bytes
            }
        }
        if (bytes[0] != 0x00 && bytes[0] != 0x05) {
            return false;
        }
        byte[] hash = sha256(sha256(Arrays.copyOfRange(bytes, 0, 21)));
        for (int i = 0; i < 4; i++) {
            if (hash[i] != bytes[21 + i]) {
                return false;
            }
        }
        return true;
    }

    /** Mainnet SegWit address "bc1..." (single case), Bech32 for version 0 and Bech32m for versions 1-16. */
    static boolean segwit(CharSequence s) {
        int len = s.length();
        if (len < 14 || len > 74) {
            return false;
        }
        boolean upper = CharClasses.isAsciiUpper(s.charAt(0));
        int[] values = new int[5 + len - 3];
        values[0] = 3; // hrp "bc" expanded: high bits of 'b','c', 0, low bits of 'b','c'
        values[1] = 3;
        values[2] = 0;
        values[3] = 'b' & 31;
        values[4] = 'c' & 31;
        for (int i = 3; i < len; i++) {
            char c = s.charAt(i);
            if (upper ? CharClasses.isAsciiLower(c) : CharClasses.isAsciiUpper(c)) {
                return false;
            }
            int v = BECH32.indexOf(CharClasses.asciiLower(c));
            if (v < 0) {
                return false;
            }
            values[5 + i - 3] = v;
        }
        int version = values[5];
        int dataChars = len - 3 - 1 - 6; // minus version and checksum
        int programBytes = dataChars * 5 / 8;
        if (version > 16 || programBytes < 2 || programBytes > 40
            || (version == 0 && programBytes != 20 && programBytes != 32)) {
            return false;
        }
        int check = polymod(values);
        return version == 0 ? check == 1 : check == BECH32M_CONST;
    }

    private static int polymod(int[] values) {
        int chk = 1;
        for (int v : values) {
            int top = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) != 0) {
                    chk ^= GENERATORS[i];
                }
            }
        }
        return chk;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
