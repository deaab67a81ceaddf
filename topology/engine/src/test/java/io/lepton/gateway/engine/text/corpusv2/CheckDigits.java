package io.lepton.gateway.engine.text.corpusv2;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The generator's side of every checksum: computes the check digit or letter that makes a payload valid. Written
 * from the published algorithm descriptions, never from the production detectors; {@code GeneratedValuesOracleTest}
 * proves each one against an independent oracle (Commons Validator or published example values).
 */
public final class CheckDigits {

    private static final int[][] VERHOEFF_D = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
        {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    private static final int[][] VERHOEFF_P = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
        {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
    private static final int[] VERHOEFF_INV = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};
    private static final int[] GB11643_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String GB11643_CHECK = "10X98765432";
    private static final int[] NRIC_WEIGHTS = {2, 7, 6, 5, 4, 3, 2};
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32M_CONST = 0x2bc830a3;

    private CheckDigits() {
    }

    /** Luhn (ISO/IEC 7812-1) check digit for a payload of digits. */
    public static char luhn(String payload) {
        int sum = 0;
        boolean twice = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** ISO 13616 / ISO 7064 mod 97-10 check digits for an IBAN with country {@code cc} and BBAN {@code bban}. */
    public static String ibanCheck(String cc, String bban) {
        String rearranged = bban + cc + "00";
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return check < 10 ? "0" + check : String.valueOf(check);
    }

    /** Verhoeff check digit (dihedral group D5), as used by Aadhaar. */
    public static char verhoeff(String payload) {
        int c = 0;
        for (int i = 0; i < payload.length(); i++) {
            int digit = payload.charAt(payload.length() - 1 - i) - '0';
            c = VERHOEFF_D[c][VERHOEFF_P[(i + 1) % 8][digit]];
        }
        return (char) ('0' + VERHOEFF_INV[c]);
    }

    /** GB 11643-1999 ISO 7064 mod 11-2 check character of a Chinese resident ID's first 17 digits. */
    public static char gb11643(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * GB11643_WEIGHTS[i];
        }
        return GB11643_CHECK.charAt(sum % 11);
    }

    /** The two CPF check digits for its first nine digits (weights 10..2 then 11..2, mod 11). */
    public static String cpf(String first9) {
        char d1 = mod11(first9, 10);
        char d2 = mod11(first9 + d1, 11);
        return "" + d1 + d2;
    }

    /** The two CNPJ check digits for its first twelve digits (weights 5..2,9..2 then 6..2,9..2, mod 11). */
    public static String cnpj(String first12) {
        char d1 = cnpjDigit(first12);
        char d2 = cnpjDigit(first12 + d1);
        return "" + d1 + d2;
    }

    private static char mod11(String digits, int firstWeight) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * (firstWeight - i);
        }
        int r = sum % 11;
        return (char) ('0' + (r < 2 ? 0 : 11 - r));
    }

    private static char cnpjDigit(String digits) {
        int sum = 0;
        int weight = digits.length() - 7;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * weight;
            weight = weight == 2 ? 9 : weight - 1;
        }
        int r = sum % 11;
        return (char) ('0' + (r < 2 ? 0 : 11 - r));
    }

    /**
     * Singapore NRIC/FIN check letter (ICA's published weights 2,7,6,5,4,3,2; offset 4 for T/G, 3 for M; the M series
     * reads its table from the other end, as in GovTech FormSG's {@code isMFinSeriesValid}).
     */
    public static char nric(char prefix, String seven) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (seven.charAt(i) - '0') * NRIC_WEIGHTS[i];
        }
        return switch (prefix) {
            case 'S' -> "JZIHGFEDCBA".charAt(sum % 11);
            case 'T' -> "JZIHGFEDCBA".charAt((sum + 4) % 11);
            case 'F' -> "XWUTRQPNMLK".charAt(sum % 11);
            case 'G' -> "XWUTRQPNMLK".charAt((sum + 4) % 11);
            case 'M' -> "KLJNPQRTUWX".charAt(10 - (sum + 3) % 11);
            default -> throw new IllegalArgumentException("NRIC prefix");
        };
    }

    /** Base58Check encoding of {@code version || payload} with its double-SHA-256 checksum (Bitcoin P2PKH/P2SH). */
    public static String base58Check(int version, byte[] payload) {
        byte[] body = new byte[payload.length + 1];
        body[0] = (byte) version;
        System.arraycopy(payload, 0, body, 1, payload.length);
        byte[] hash = sha256(sha256(body));
        byte[] full = new byte[body.length + 4];
        System.arraycopy(body, 0, full, 0, body.length);
        System.arraycopy(hash, 0, full, body.length, 4);
        BigInteger n = new BigInteger(1, full);
        StringBuilder out = new StringBuilder();
        BigInteger base = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(base);
            out.append(BASE58.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < full.length && full[i] == 0; i++) {
            out.append('1');
        }
        return out.reverse().toString();
    }

    /** A SegWit address (BIP-173 Bech32 for version 0, BIP-350 Bech32m for version 1 and up). */
    public static String segwit(String hrp, int version, byte[] program) {
        int[] data5 = new int[1 + (program.length * 8 + 4) / 5];
        data5[0] = version;
        int acc = 0;
        int bits = 0;
        int j = 1;
        for (byte b : program) {
            acc = (acc << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                data5[j++] = (acc >> bits) & 31;
            }
        }
        if (bits > 0) {
            data5[j++] = (acc << (5 - bits)) & 31;
        }
        int[] values = new int[hrp.length() * 2 + 1 + j + 6];
        int k = 0;
        for (char c : hrp.toCharArray()) {
            values[k++] = c >> 5;
        }
        values[k++] = 0;
        for (char c : hrp.toCharArray()) {
            values[k++] = c & 31;
        }
        System.arraycopy(data5, 0, values, k, j);
        int mod = bech32Polymod(values) ^ (version == 0 ? 1 : BECH32M_CONST);
        StringBuilder out = new StringBuilder(hrp).append('1');
        for (int i = 0; i < j; i++) {
            out.append(BECH32.charAt(data5[i]));
        }
        for (int i = 0; i < 6; i++) {
            out.append(BECH32.charAt((mod >> (5 * (5 - i))) & 31));
        }
        return out.toString();
    }

    static int bech32Polymod(int[] values) {
        int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (int v : values) {
            int top = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; i++) {
                if (((top >> i) & 1) != 0) {
                    chk ^= gen[i];
                }
            }
        }
        return chk;
    }

    static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
