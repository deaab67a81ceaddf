package io.lepton.gateway.engine.text.corpusv2;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Whole-value validators for the identifiers Commons Validator does not cover, used only as the test oracle.
 *
 * <p>Each is written as a validator of the complete value, in a formulation different from {@link CheckDigits}'
 * generator where the standard allows one (GB 11643 as the ISO 7064 MOD 11-2 sum over all 18 characters, Base58Check
 * by decoding and re-hashing, Bech32 by the BIP polymod over the decoded string), and each is anchored by
 * {@code ReferenceChecksTest} on published example values, so a shared misunderstanding would show there.
 */
public final class ReferenceChecks {

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    /** HMRC NIM39110: prefixes never allocated. */
    private static final Set<String> NINO_BAD_PREFIXES = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");

    private ReferenceChecks() {
    }

    /** GB 11643-1999: 18 characters whose ISO 7064 MOD 11-2 sum (weights 2^(17-i) mod 11, X = 10) is 1 mod 11. */
    public static boolean cnResidentId(String id) {
        if (!id.matches("\\d{17}[\\dX]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            int v = id.charAt(i) == 'X' ? 10 : id.charAt(i) - '0';
            sum += v * BigInteger.TWO.modPow(BigInteger.valueOf(17 - i), BigInteger.valueOf(11)).intValue();
        }
        return sum % 11 == 1;
    }

    /** CPF: 11 digits, not all equal, both Receita Federal mod-11 check digits right. */
    public static boolean cpf(String digits) {
        if (!digits.matches("\\d{11}") || digits.chars().distinct().count() == 1) {
            return false;
        }
        for (int n = 9; n <= 10; n++) {
            int sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (digits.charAt(i) - '0') * (n + 1 - i);
            }
            int expected = (sum * 10) % 11 % 10;
            if (digits.charAt(n) - '0' != expected) {
                return false;
            }
        }
        return true;
    }

    /** CNPJ: 14 digits, both mod-11 check digits right (weights cycling 2..9 from the right). */
    public static boolean cnpj(String digits) {
        if (!digits.matches("\\d{14}") || digits.chars().distinct().count() == 1) {
            return false;
        }
        for (int n = 12; n <= 13; n++) {
            int sum = 0;
            for (int i = 0; i < n; i++) {
                int weight = 2 + (n - 1 - i) % 8;
                sum += (digits.charAt(i) - '0') * weight;
            }
            int r = sum % 11;
            if (digits.charAt(n) - '0' != (r < 2 ? 0 : 11 - r)) {
                return false;
            }
        }
        return true;
    }

    /** NRIC / FIN: S, T, F, G or M, seven digits and the series' check letter. */
    public static boolean nric(String id) {
        if (!id.matches("[STFGM]\\d{7}[A-Z]")) {
            return false;
        }
        int[] w = {2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (id.charAt(1 + i) - '0') * w[i];
        }
        char series = id.charAt(0);
        int offset = series == 'T' || series == 'G' ? 4 : series == 'M' ? 3 : 0;
        int r = (sum + offset) % 11;
        char expected = switch (series) {
            case 'S', 'T' -> "JZIHGFEDCBA".charAt(r);
            case 'F', 'G' -> "XWUTRQPNMLK".charAt(r);
            default -> "XWUTRQPNJLK".charAt(r);
        };
        return id.charAt(8) == expected;
    }

    /** UK NINO per HMRC NIM39110: allocated two-letter prefix, six digits, suffix A-D. */
    public static boolean nino(String id) {
        String s = id.toUpperCase(Locale.ROOT);
        return s.matches("[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\\d{6}[A-D]") && !NINO_BAD_PREFIXES.contains(s.substring(0, 2));
    }

    /** US SSN per SSA: area 001-899 except 666, group 01-99, serial 0001-9999. */
    public static boolean ssn(String digits) {
        if (!digits.matches("\\d{9}")) {
            return false;
        }
        int area = Integer.parseInt(digits.substring(0, 3));
        int group = Integer.parseInt(digits.substring(3, 5));
        int serial = Integer.parseInt(digits.substring(5));
        return area > 0 && area < 900 && area != 666 && group > 0 && serial > 0;
    }

    /** Bitcoin mainnet address: Base58Check with version 0x00 or 0x05, or SegWit Bech32 (v0) / Bech32m (v1+). */
    public static boolean bitcoinAddress(String address) {
        return address.toLowerCase(Locale.ROOT).startsWith("bc1") ? segwit(address) : base58Check(address);
    }

    private static boolean base58Check(String address) {
        BigInteger n = BigInteger.ZERO;
        for (char c : address.toCharArray()) {
            int v = BASE58.indexOf(c);
            if (v < 0) {
                return false;
            }
            n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(v));
        }
        byte[] raw = n.toByteArray();
        int leadingOnes = 0;
        while (leadingOnes < address.length() && address.charAt(leadingOnes) == '1') {
            leadingOnes++;
        }
        int strip = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        byte[] full = new byte[leadingOnes + raw.length - strip];
        System.arraycopy(raw, strip, full, leadingOnes, raw.length - strip);
        if (full.length != 25 || (full[0] != 0 && full[0] != 5)) {
            return false;
        }
        byte[] body = Arrays.copyOf(full, 21);
        byte[] hash = sha256(sha256(body));
        return Arrays.equals(Arrays.copyOfRange(hash, 0, 4), Arrays.copyOfRange(full, 21, 25));
    }

    private static boolean segwit(String address) {
        if (!address.equals(address.toLowerCase(Locale.ROOT)) && !address.equals(address.toUpperCase(Locale.ROOT))) {
            return false;
        }
        String s = address.toLowerCase(Locale.ROOT);
        int sep = s.lastIndexOf('1');
        String hrp = s.substring(0, sep);
        String data = s.substring(sep + 1);
        if (!hrp.equals("bc") || data.length() < 7) {
            return false;
        }
        int[] values = new int[hrp.length() * 2 + 1 + data.length()];
        int k = 0;
        for (char c : hrp.toCharArray()) {
            values[k++] = c >> 5;
        }
        values[k++] = 0;
        for (char c : hrp.toCharArray()) {
            values[k++] = c & 31;
        }
        for (char c : data.toCharArray()) {
            int v = BECH32.indexOf(c);
            if (v < 0) {
                return false;
            }
            values[k++] = v;
        }
        int version = BECH32.indexOf(data.charAt(0));
        int polymod = polymod(values);
        return version == 0 ? polymod == 1 : polymod == 0x2bc830a3;
    }

    private static int polymod(int[] values) {
        int chk = 1;
        for (int v : values) {
            int top = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            chk ^= ((top & 1) != 0 ? 0x3b6a57b2 : 0) ^ ((top & 2) != 0 ? 0x26508e6d : 0)
                    ^ ((top & 4) != 0 ? 0x1ea119fa : 0) ^ ((top & 8) != 0 ? 0x3d4233dd : 0)
                    ^ ((top & 16) != 0 ? 0x2a1462b3 : 0);
        }
        return chk;
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
