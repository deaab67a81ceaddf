package io.lepton.gateway.engine.text;

/**
 * Structural validation of numeric and alphanumeric identifiers whose digits are already extracted: the checksum
 * plus the allocation rules (issuer ranges, never-issued areas, calendar dates) that a checksum alone cannot reject.
 */
final class IdentifierRules {
    private IdentifierRules() {
    }

    /**
     * Luhn plus an issuer prefix with a length that network uses (ISO/IEC 7812 IIN ranges as the networks publish
     * them): Visa (incl. Elo's 4-ranges) 13/16/19; Mastercard 51-55 and 2221-2720, 16; Mir 2200-2204, 16-19; Amex
     * 34/37, 15; Diners 300-305/3095/36/38/39, 14-19; JCB 3528-3589 (incl. RuPay 353/356) and Hipercard 3841, 16-19;
     * Maestro, Elo, Verve and RuPay in 50 and 56-58, 12-19; Discover, RuPay, Hipercard, UnionPay, Elo and Maestro in
     * 60-69, 16-19 (Maestro 12-19); UnionPay and RuPay 81-82, 16-19.
     */
    static boolean paymentCard(CharSequence d) {
        int len = d.length();
        if (len < 12 || len > 19 || !Checksums.luhn(d)) {
            return false;
        }
        int p2 = num(d, 0, 2);
        int p3 = num(d, 0, 3);
        int p4 = num(d, 0, 4);
        return switch (d.charAt(0)) {
            case '2' -> (p4 >= 2200 && p4 <= 2204 && len >= 16) || (p4 >= 2221 && p4 <= 2720 && len == 16);
            case '3' -> ((p2 == 34 || p2 == 37) && len == 15)
                || (((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39) && len >= 14)
                || (((p4 >= 3528 && p4 <= 3589) || p4 == 3841) && len >= 16);
            case '4' -> len == 13 || len == 16 || len == 19;
            case '5' -> (p2 >= 51 && p2 <= 55) ? len == 16 : (p2 == 50 || (p2 >= 56 && p2 <= 58)) && len >= 12;
            case '6' -> len >= 16 || ((p2 == 67 || p4 == 6304) && len >= 12);
            case '8' -> (p2 == 81 || p2 == 82) && len >= 16;
            default -> false;
        };
    }

    /** US SSN digits (9): area not 000, 666 or 900-999; group not 00; serial not 0000; no advertised samples. */
    static boolean usSsn(CharSequence d) {
        int area = num(d, 0, 3);
        int group = num(d, 3, 5);
        int serial = num(d, 5, 9);
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return false;
        }
        String s = d.toString();
        return !s.equals("078051120") && !s.equals("219099999") && !s.equals("123456789");
    }

    /** Aadhaar: 12 digits, first digit 2-9, Verhoeff check. */
    static boolean aadhaar(CharSequence d) {
        return d.length() == 12 && d.charAt(0) >= '2' && Checksums.verhoeff(d);
    }

    private static final int[] CN_PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42,
        43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};

    /** Chinese resident ID (18 chars, 17 digits + digit or X): province code, birth date, GB 11643 check. */
    static boolean cnResidentId(CharSequence id) {
        int province = num(id, 0, 2);
        boolean knownProvince = false;
        for (int p : CN_PROVINCES) {
            knownProvince |= p == province;
        }
        return knownProvince && validDate(num(id, 6, 10), num(id, 10, 12), num(id, 12, 14), 1900)
            && Checksums.cnResidentId(id);
    }

    /** Whether y-m-d is a real calendar date with {@code minYear <= y <= 2099}. */
    static boolean validDate(int y, int m, int d, int minYear) {
        if (y < minYear || y > 2099 || m < 1 || m > 12 || d < 1) {
            return false;
        }
        int days = switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return d <= days;
    }

    /** UK NINO letters: allocated prefix pair and suffix A-D (digits are checked by the caller). */
    static boolean ukNinoLetters(char a, char b, char suffix) {
        if ("DFIQUV".indexOf(a) >= 0 || "DFIOQUV".indexOf(b) >= 0 || suffix < 'A' || suffix > 'D') {
            return false;
        }
        String prefix = "" + a + b;
        return switch (prefix) {
            case "BG", "GB", "NK", "KN", "TN", "NT", "ZZ" -> false;
            default -> true;
        };
    }

    static int num(CharSequence d, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (d.charAt(i) - '0');
        }
        return v;
    }
}
