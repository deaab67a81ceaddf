package io.lepton.gateway.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.checkdigit.CheckDigitException;
import org.apache.commons.validator.routines.checkdigit.IBANCheckDigit;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;
import org.apache.commons.validator.routines.checkdigit.ModulusCheckDigit;
import org.apache.commons.validator.routines.checkdigit.VerhoeffCheckDigit;
import org.junit.jupiter.api.Test;

/**
 * Every check-digit routine against an oracle that shares no table or code with it: Apache Commons Validator's check
 * digits (Luhn, Verhoeff, IBAN mod 97 and its IBAN country table; CPF/CNPJ through its generic {@code
 * ModulusCheckDigit} with the weights stated as position rules), the recursive ISO 7064 MOD 11-2 formulation for
 * GB 11643, the Singapore government's published M-series procedure, a BigInteger Base58Check encoder, and the BIP 173 /
 * BIP 350 test vectors. Each routine sees at least 10,000 generated values, about half of them valid, and a
 * published example where one exists. The generator is seeded, so a failure reproduces.
 */
class ChecksumOracleTest {
    private static final int N = 10_000;
    private static final long SEED = 20_261_203L;

    @Test
    void luhnAgreesWithCommonsValidator() throws CheckDigitException {
        Random rnd = new Random(SEED);
        int valid = 0;
        for (int i = 0; i < N; i++) {
            String body = digits(rnd, 11 + rnd.nextInt(8));
            String value = i % 2 == 0 ? body + LuhnCheckDigit.LUHN_CHECK_DIGIT.calculate(body) : body + rnd.nextInt(10);
            boolean expected = LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(value);
            assertThat(Checksums.luhn(value)).as("Luhn").isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).isBetween(N / 2, N * 6 / 10);
    }

    @Test
    void verhoeffAndAadhaarAgreeWithCommonsValidator() throws CheckDigitException {
        Random rnd = new Random(SEED);
        int valid = 0;
        for (int i = 0; i < N; i++) {
            String body = digits(rnd, 11);
            String value = i % 2 == 0
                ? body + VerhoeffCheckDigit.VERHOEFF_CHECK_DIGIT.calculate(body) : body + rnd.nextInt(10);
            boolean expected = VerhoeffCheckDigit.VERHOEFF_CHECK_DIGIT.isValid(value);
            assertThat(Checksums.verhoeff(value)).as("Verhoeff").isEqualTo(expected);
            assertThat(IdentifierRules.aadhaar(value)).as("Aadhaar").isEqualTo(expected && value.charAt(0) >= '2');
            valid += expected ? 1 : 0;
        }
        assertThat(valid).isBetween(N / 2, N * 6 / 10);
    }

    @Test
    void ibanMod97AgreesWithCommonsValidator() throws CheckDigitException {
        Random rnd = new Random(SEED);
        String alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        int valid = 0;
        for (int i = 0; i < N; i++) {
            StringBuilder bban = new StringBuilder();
            for (int k = 10 + rnd.nextInt(20); k > 0; k--) {
                bban.append(alnum.charAt(rnd.nextInt(alnum.length())));
            }
            String country = "" + (char) ('A' + rnd.nextInt(26)) + (char) ('A' + rnd.nextInt(26));
            String check = i % 2 == 0
                ? IBANCheckDigit.IBAN_CHECK_DIGIT.calculate(country + "00" + bban) : digits(rnd, 2);
            String iban = country + check + bban;
            boolean expected = IBANCheckDigit.IBAN_CHECK_DIGIT.isValid(iban);
            assertThat(Checksums.ibanMod97(iban)).as("mod 97").isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).isBetween(N / 2, N * 6 / 10);
    }

    @Test
    void ibanLengthsCoverEveryCountryCommonsValidatorKnows() throws ReflectiveOperationException {
        Field code = IBANValidator.Validator.class.getDeclaredField("countryCode");
        Field length = IBANValidator.Validator.class.getDeclaredField("ibanLength");
        Field others = IBANValidator.Validator.class.getDeclaredField("otherCountryCodes");
        code.setAccessible(true);
        length.setAccessible(true);
        others.setAccessible(true);
        int countries = 0;
        for (IBANValidator.Validator v : IBANValidator.getInstance().getDefaultValidators()) {
            List<String> codes = new ArrayList<>(List.of((String[]) others.get(v)));
            codes.add((String) code.get(v));
            for (String c : codes) {
                assertThat(IbanRules.lengthFor(c.charAt(0), c.charAt(1))).as(c).isEqualTo(length.getInt(v));
                countries++;
            }
        }
        assertThat(countries).isGreaterThanOrEqualTo(100);
    }

    @Test
    void cpfAndCnpjAgreeWithPositionWeightedModulus11() throws CheckDigitException {
        ModulusCheckDigit cpf = new BrazilMod11(false);
        ModulusCheckDigit cnpj = new BrazilMod11(true);
        Random rnd = new Random(SEED);
        int valid = 0;
        for (int i = 0; i < N; i++) {
            String cpfBody = digits(rnd, 9);
            String cpfValue = i % 2 == 0 ? withTwoDigits(cpf, cpfBody) : cpfBody + digits(rnd, 2);
            boolean expected = twoDigitsValid(cpf, cpfValue) && !allSame(cpfValue);
            assertThat(Checksums.cpf(cpfValue)).as("CPF").isEqualTo(expected);
            String cnpjBody = digits(rnd, 12);
            String cnpjValue = i % 2 == 0 ? withTwoDigits(cnpj, cnpjBody) : cnpjBody + digits(rnd, 2);
            boolean cnpjExpected = twoDigitsValid(cnpj, cnpjValue) && !allSame(cnpjValue);
            assertThat(Checksums.cnpj(cnpjValue)).as("CNPJ").isEqualTo(cnpjExpected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).isBetween(N / 2, N * 6 / 10);
        // Published examples (Receita Federal documentation and its widely used sample values).
        assertThat(Checksums.cpf("52998224725")).isTrue();
        assertThat(Checksums.cnpj("11222333000181")).isTrue();
        assertThat(Checksums.cpf("11111111111")).isFalse();
    }

    @Test
    void chineseResidentIdAgreesWithRecursiveIso7064Mod112() {
        Random rnd = new Random(SEED);
        int valid = 0;
        for (int i = 0; i < N; i++) {
            String body = digits(rnd, 17);
            char right = iso7064Mod112(body);
            char written = i % 2 == 0 ? right : "0123456789X".charAt(rnd.nextInt(11));
            String id = body + written;
            assertThat(Checksums.cnResidentId(id)).as("GB 11643").isEqualTo(written == right);
            assertThat(Checksums.cnResidentId(body + Character.toLowerCase(written))).isEqualTo(written == right);
            valid += written == right ? 1 : 0;
        }
        assertThat(valid).isBetween(N / 2, N * 6 / 10);
        assertThat(Checksums.cnResidentId("11010519491231002X")).isTrue(); // GB 11643-1999's own example
    }

    @Test
    void nricAgreesWithThePublishedProcedure() {
        Random rnd = new Random(SEED);
        for (int i = 0; i < N; i++) {
            char prefix = "STFGM".charAt(i % 5);
            String digits = digits(rnd, 7);
            char expected = publishedNricLetter(prefix, digits);
            assertThat(Checksums.nricCheckLetter(prefix, digits)).as("%s series", prefix).isEqualTo(expected);
        }
        assertThat(Checksums.nricCheckLetter('S', "1234567")).isEqualTo('D'); // ICA's own example, S1234567D
        assertThat(Checksums.nricCheckLetter('X', "1234567")).isEqualTo((char) 0);
    }

    @Test
    void base58CheckAgreesWithAnIndependentEncoder() throws NoSuchAlgorithmException {
        Random rnd = new Random(SEED);
        for (int i = 0; i < N; i++) {
            byte[] payload = new byte[21];
            rnd.nextBytes(payload);
            payload[0] = (byte) (i % 2 == 0 ? 0x00 : 0x05);
            String address = base58Check(payload);
            assertThat(CryptoAddressRules.base58Check(address)).as(address).isTrue();
            String mutated = substitute(address, rnd, "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");
            assertThat(CryptoAddressRules.base58Check(mutated)).as(mutated).isFalse();
        }
        assertThat(CryptoAddressRules.base58Check("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")).isTrue(); // genesis block
        assertThat(CryptoAddressRules.base58Check("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy")).isTrue(); // BIP 13 example
        assertThat(CryptoAddressRules.base58Check("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")).isFalse();
    }

    @Test
    void segwitAgreesWithBip350VectorsAndEverySingleSubstitution() {
        List<String> valid = List.of("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y", "BC1SW50QGDZ25J",
            "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0");
        List<String> invalid = List.of(
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", // v1 with a Bech32 checksum
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", // v0 with a Bech32m checksum
            "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4", // 'o' is not in the charset
            "bc1pw5dgrnzv"); // program too short
        for (String v : valid) {
            assertThat(CryptoAddressRules.segwit(v)).as(v).isTrue();
        }
        for (String v : invalid) {
            assertThat(CryptoAddressRules.segwit(v)).as(v).isFalse();
        }
        // Bech32 detects every error of up to four characters, so each single substitution must be rejected.
        String charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        int checked = 0;
        for (String v : valid) {
            boolean upper = Character.isUpperCase(v.charAt(0));
            for (int pos = 3; pos < v.length(); pos++) {
                for (char c : charset.toCharArray()) {
                    char replacement = upper ? Character.toUpperCase(c) : c;
                    if (replacement != v.charAt(pos)) {
                        String mutated = v.substring(0, pos) + replacement + v.substring(pos + 1);
                        assertThat(CryptoAddressRules.segwit(mutated)).as(mutated).isFalse();
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(N / 2);
        Random rnd = new Random(SEED);
        for (int i = 0; i < N; i++) {
            StringBuilder s = new StringBuilder("bc1q");
            for (int k = 0; k < 38; k++) {
                s.append(charset.charAt(rnd.nextInt(32)));
            }
            assertThat(CryptoAddressRules.segwit(s)).as("random %s", s).isFalse(); // 2^-30 chance per value
        }
    }

    /** CPF (weights 2.. by position from the right) and CNPJ (weights 2..9 repeating) as Commons Validator moduli. */
    private static final class BrazilMod11 extends ModulusCheckDigit {
        private static final long serialVersionUID = 1L;
        private final boolean cycleAtNine;

        BrazilMod11(boolean cycleAtNine) {
            super(11);
            this.cycleAtNine = cycleAtNine;
        }

        @Override
        protected int weightedValue(int charValue, int leftPos, int rightPos) {
            int weight = cycleAtNine ? (rightPos - 2) % 8 + 2 : rightPos;
            return charValue * weight;
        }

        @Override
        protected String toCheckDigit(int value) throws CheckDigitException {
            return super.toCheckDigit(value >= 10 ? 0 : value);
        }
    }

    private static String withTwoDigits(ModulusCheckDigit m, String body) throws CheckDigitException {
        String first = body + m.calculate(body);
        return first + m.calculate(first);
    }

    private static boolean twoDigitsValid(ModulusCheckDigit m, String value) throws CheckDigitException {
        String body = value.substring(0, value.length() - 2);
        return withTwoDigits(m, body).equals(value);
    }

    /** ISO 7064 MOD 11-2 in its recursive (pure system) form, the check character written as 0-9 or X. */
    private static char iso7064Mod112(String digits) {
        int p = 0;
        for (char c : digits.toCharArray()) {
            p = ((p + (c - '0')) * 2) % 11;
        }
        int check = (12 - p) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /**
     * The check letter as ICA describes it: weights 2,7,6,5,4,3,2; S/F add nothing, T/G add 4, M adds 3; S/T and F/G
     * read the remainder in their tables, and the M series takes P = 11 - remainder and the P-th letter of KLJNPQRTUWX.
     */
    private static char publishedNricLetter(char prefix, String digits) {
        int[] weights = {2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += weights[i] * (digits.charAt(i) - '0');
        }
        return switch (prefix) {
            case 'S' -> "JZIHGFEDCBA".charAt(sum % 11);
            case 'T' -> "GFEDCBAJZIH".charAt(sum % 11); // the S table rotated by the offset 4
            case 'F' -> "XWUTRQPNMLK".charAt(sum % 11);
            case 'G' -> "RQPNMLKXWUT".charAt(sum % 11);
            default -> "KLJNPQRTUWX".charAt(11 - (sum + 3) % 11 - 1);
        };
    }

    private static String base58Check(byte[] payload) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] check = sha.digest(sha.digest(payload));
        byte[] full = new byte[payload.length + 4];
        System.arraycopy(payload, 0, full, 0, payload.length);
        System.arraycopy(check, 0, full, payload.length, 4);
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        StringBuilder out = new StringBuilder();
        BigInteger n = new BigInteger(1, full);
        BigInteger base = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(base);
            out.append(alphabet.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < full.length && full[i] == 0; i++) {
            out.append('1');
        }
        return out.reverse().toString();
    }

    private static String substitute(String s, Random rnd, String alphabet) {
        int pos = rnd.nextInt(s.length());
        char c;
        do {
            c = alphabet.charAt(rnd.nextInt(alphabet.length()));
        } while (c == s.charAt(pos));
        return s.substring(0, pos) + c + s.substring(pos + 1);
    }

    private static String digits(Random rnd, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        return sb.toString();
    }

    private static boolean allSame(String s) {
        return s.chars().distinct().count() == 1;
    }
}
