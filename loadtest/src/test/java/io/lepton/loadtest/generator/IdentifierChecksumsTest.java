package io.lepton.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checksum arithmetic against published valid identifiers, and single-digit corruptions it must reject. */
class IdentifierChecksumsTest {

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "5555555555554444", "378282246310005", "79927398713"})
    void luhnAcceptsPublishedTestCardNumbers(String number) {
        assertThat(IdentifierChecksums.isValidLuhn(number)).isTrue();
        assertThat(IdentifierChecksums.isValidLuhn(bumpLastDigit(number))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606",
        "NL91ABNA0417164300", "BR1800360305000010009795493C1"})
    void ibanAcceptsRegistryExamplesAndRecomputesTheirCheckDigits(String iban) {
        assertThat(IdentifierChecksums.isValidIban(iban)).isTrue();
        assertThat(IdentifierChecksums.ibanCheckDigits(iban.substring(0, 2), iban.substring(4)))
                .isEqualTo(iban.substring(2, 4));
        assertThat(IdentifierChecksums.isValidIban(bumpLastDigit(iban))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"52998224725", "11144477735"})
    void cpfAcceptsKnownValidNumbers(String cpf) {
        assertThat(IdentifierChecksums.isValidCpf(cpf)).isTrue();
        assertThat(IdentifierChecksums.cpfCheckDigits(cpf.substring(0, 9))).isEqualTo(cpf.substring(9));
        assertThat(IdentifierChecksums.isValidCpf(bumpLastDigit(cpf))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "440524188001010014"})
    void chineseResidentIdAcceptsStandardExamples(String id) {
        assertThat(IdentifierChecksums.isValidCnResidentId(id)).isTrue();
        assertThat(IdentifierChecksums.cnResidentIdCheck(id.substring(0, 17))).isEqualTo(id.charAt(17));
        assertThat(IdentifierChecksums.isValidCnResidentId("2" + id.substring(1))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2363", "234123412346"})
    void verhoeffAcceptsKnownValidNumbers(String number) {
        assertThat(IdentifierChecksums.isValidVerhoeff(number)).isTrue();
        assertThat(IdentifierChecksums.verhoeffCheckDigit(number.substring(0, number.length() - 1)))
                .isEqualTo(number.charAt(number.length() - 1) - '0');
        assertThat(IdentifierChecksums.isValidVerhoeff(bumpLastDigit(number))).isFalse();
    }

    @Test
    void verhoeffCatchesEveryAdjacentTransposition() {
        String valid = "234123412346";
        for (int i = 0; i + 1 < valid.length(); i++) {
            if (valid.charAt(i) != valid.charAt(i + 1)) {
                char[] swapped = valid.toCharArray();
                swapped[i] = valid.charAt(i + 1);
                swapped[i + 1] = valid.charAt(i);
                assertThat(IdentifierChecksums.isValidVerhoeff(new String(swapped))).as("swap at %d", i).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"S1234567D", "S0000001I"})
    void nricAcceptsKnownValidNumbers(String nric) {
        assertThat(IdentifierChecksums.isValidNric(nric)).isTrue();
        assertThat(IdentifierChecksums.isValidNric(nric.substring(0, 8) + (nric.charAt(8) == 'A' ? 'B' : 'A')))
                .isFalse();
    }

    private static String bumpLastDigit(String s) {
        int last = s.length() - 1;
        char c = s.charAt(last);
        return s.substring(0, last) + (char) (c == '9' ? '0' : c + 1);
    }
}
