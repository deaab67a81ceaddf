package io.lepton.gateway.engine.text;

/**
 * Check-digit algorithms over ASCII digit strings. Each method expects the caller to have checked the length and
 * the character class; they run in time linear in the input and allocate nothing.
 */
final class Checksums {
    private static final int[][] VERHOEFF_D = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
        {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    private static final int[][] VERHOEFF_P = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
        {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};

    private Checksums() {
    }

    /** Luhn (mod 10) over the whole string, check digit last. */
    static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int v = digits.charAt(i) - '0';
            if (doubleIt) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /** Verhoeff dihedral-group check over the whole string, check digit last. */
    static boolean verhoeff(CharSequence digits) {
        int c = 0;
        int n = digits.length();
        for (int i = 0; i < n; i++) {
            int digit = digits.charAt(n - 1 - i) - '0';
            c = VERHOEFF_D[c][VERHOEFF_P[i % 8][digit]];
        }
        return c == 0;
    }

    /** ISO 7064 mod 97-10 as IBAN uses it: first four characters moved to the end, letters as 10..35. */
    static boolean ibanMod97(CharSequence iban) {
        int n = iban.length();
        int r = 0;
        for (int k = 0; k < n; k++) {
            char c = iban.charAt((k + 4) % n);
            if (CharClasses.isDigit(c)) {
                r = (r * 10 + (c - '0')) % 97;
            } else {
                r = (r * 100 + (c - 'A' + 10)) % 97;
            }
        }
        return r == 1;
    }

    /** Brazilian CPF: 11 digits, not all equal, two mod-11 check digits. */
    static boolean cpf(CharSequence d) {
        if (allSame(d)) {
            return false;
        }
        return mod11Digit(d, 9, 10) == d.charAt(9) - '0' && mod11Digit(d, 10, 11) == d.charAt(10) - '0';
    }

    private static int mod11Digit(CharSequence d, int count, int firstWeight) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += (d.charAt(i) - '0') * (firstWeight - i);
        }
        int r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }

    private static final int[] CNPJ_W1 = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final int[] CNPJ_W2 = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};

    /** Brazilian CNPJ: 14 digits, not all equal, two weighted mod-11 check digits. */
    static boolean cnpj(CharSequence d) {
        if (allSame(d)) {
            return false;
        }
        return weightedMod11(d, CNPJ_W1) == d.charAt(12) - '0' && weightedMod11(d, CNPJ_W2) == d.charAt(13) - '0';
    }

    private static int weightedMod11(CharSequence d, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (d.charAt(i) - '0') * weights[i];
        }
        int r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }

    private static final int[] CN_ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CN_ID_CHECK = "10X98765432";

    /** GB 11643-1999 check character (18th) of a Chinese resident ID: weighted mod 11 mapped to 1,0,X,9..2. */
    static boolean cnResidentId(CharSequence id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * CN_ID_WEIGHTS[i];
        }
        return CN_ID_CHECK.charAt(sum % 11) == Character.toUpperCase(id.charAt(17));
    }

    private static final int[] NRIC_WEIGHTS = {2, 7, 6, 5, 4, 3, 2};

    /**
     * Singapore NRIC/FIN check letter for the S, T, F, G and M series; {@code 0} for other prefixes. T and G (born or
     * issued from 2000) add 4 to the weighted sum, M (FINs issued from 2022) adds 3 and uses its own letter set.
     */
    static char nricCheckLetter(char prefix, CharSequence sevenDigits) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (sevenDigits.charAt(i) - '0') * NRIC_WEIGHTS[i];
        }
        sum += switch (prefix) {
            case 'T', 'G' -> 4;
            case 'M' -> 3;
            default -> 0;
        };
        int r = sum % 11;
        return switch (prefix) {
            case 'S', 'T' -> "JZIHGFEDCBA".charAt(r);
            case 'F', 'G' -> "XWUTRQPNMLK".charAt(r);
            case 'M' -> "XWUTRQPNJLK".charAt(r);
            default -> 0;
        };
    }

    private static boolean allSame(CharSequence d) {
        for (int i = 1; i < d.length(); i++) {
            if (d.charAt(i) != d.charAt(0)) {
                return false;
            }
        }
        return true;
    }
}
