package io.lepton.loadtest.generator;

import java.math.BigInteger;

/**
 * Check-digit arithmetic of the identifiers the generator writes: Luhn (payment cards), ISO 7064 MOD 97-10 (IBAN),
 * the Brazilian CPF's two mod-11 digits, ISO 7064 MOD 11-2 (Chinese resident identity card), Verhoeff (Aadhaar) and
 * the Singapore NRIC letter.
 *
 * <p>Why here and not shared with the engine's detectors: the generator must produce values a real validator
 * accepts, and an independent implementation is what makes the detector tests meaningful (the same bug in both
 * would cancel out). Every method takes digits only (no separators).
 */
public final class IdentifierChecksums {

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
    private static final int[] CN_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CN_CHECK = "10X98765432";
    private static final int[] NRIC_WEIGHTS = {2, 7, 6, 5, 4, 3, 2};
    private static final String NRIC_ST_LETTERS = "JZIHGFEDCBA";
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private IdentifierChecksums() {}

    /** The Luhn digit to append to {@code payload}. */
    public static int luhnCheckDigit(String payload) {
        int sum = 0;
        // Doubling starts at the rightmost payload digit, since the check digit will sit to its right.
        for (int i = payload.length() - 1, position = 0; i >= 0; i--, position++) {
            int digit = digit(payload, i);
            if (position % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }

    public static boolean isValidLuhn(String number) {
        return number.length() >= 2 && luhnCheckDigit(number.substring(0, number.length() - 1))
                == digit(number, number.length() - 1);
    }

    /** The two IBAN check digits for a country code and BBAN (ISO 13616: 98 - mod 97 of the rearranged number). */
    public static String ibanCheckDigits(String countryCode, String bban) {
        int remainder = ibanRemainder(bban + countryCode + "00");
        return String.format("%02d", 98 - remainder);
    }

    /** Whether a compact IBAN (no spaces) passes the MOD 97-10 check. */
    public static boolean isValidIban(String iban) {
        return iban.length() > 4 && ibanRemainder(iban.substring(4) + iban.substring(0, 4)) == 1;
    }

    private static int ibanRemainder(String rearranged) {
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else {
                throw new IllegalArgumentException("not an IBAN character: " + c);
            }
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }

    /** The two CPF check digits for its first nine digits. */
    public static String cpfCheckDigits(String nineDigits) {
        int first = cpfDigit(nineDigits, 10);
        int second = cpfDigit(nineDigits + first, 11);
        return "" + first + second;
    }

    public static boolean isValidCpf(String elevenDigits) {
        return elevenDigits.length() == 11
                && cpfCheckDigits(elevenDigits.substring(0, 9)).equals(elevenDigits.substring(9));
    }

    private static int cpfDigit(String digits, int firstWeight) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += digit(digits, i) * (firstWeight - i);
        }
        int remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }

    /** The check character (0-9 or X) of a Chinese resident identity number, for its first 17 digits. */
    public static char cnResidentIdCheck(String seventeenDigits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += digit(seventeenDigits, i) * CN_WEIGHTS[i];
        }
        return CN_CHECK.charAt(sum % 11);
    }

    public static boolean isValidCnResidentId(String id) {
        return id.length() == 18 && cnResidentIdCheck(id.substring(0, 17)) == Character.toUpperCase(id.charAt(17));
    }

    /** The Verhoeff digit to append to {@code payload} (Aadhaar's twelfth digit). */
    public static int verhoeffCheckDigit(String payload) {
        int c = 0;
        for (int i = payload.length() - 1, position = 1; i >= 0; i--, position++) {
            c = VERHOEFF_D[c][VERHOEFF_P[position % 8][digit(payload, i)]];
        }
        return VERHOEFF_INV[c];
    }

    public static boolean isValidVerhoeff(String number) {
        int c = 0;
        for (int i = number.length() - 1, position = 0; i >= 0; i--, position++) {
            c = VERHOEFF_D[c][VERHOEFF_P[position % 8][digit(number, i)]];
        }
        return c == 0;
    }

    /** The check letter of a Singapore NRIC with prefix S or T and seven digits. */
    public static char nricCheckLetter(char prefix, String sevenDigits) {
        if (prefix != 'S' && prefix != 'T') {
            throw new IllegalArgumentException("only S and T (citizen / permanent resident) prefixes are generated");
        }
        int sum = prefix == 'T' ? 4 : 0;
        for (int i = 0; i < 7; i++) {
            sum += digit(sevenDigits, i) * NRIC_WEIGHTS[i];
        }
        return NRIC_ST_LETTERS.charAt(sum % 11);
    }

    public static boolean isValidNric(String nric) {
        return nric.length() == 9 && nricCheckLetter(nric.charAt(0), nric.substring(1, 8)) == nric.charAt(8);
    }

    private static int digit(String s, int index) {
        char c = s.charAt(index);
        if (c < '0' || c > '9') {
            throw new IllegalArgumentException("not a digit at position " + index);
        }
        return c - '0';
    }
}
