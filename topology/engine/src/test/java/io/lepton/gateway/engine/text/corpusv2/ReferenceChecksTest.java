package io.lepton.gateway.engine.text.corpusv2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Anchors {@link ReferenceChecks} on values published by the standards' authors or well-known reference sources, so
 * the oracle is not merely agreeing with the generator it checks.
 */
class ReferenceChecksTest {

    /** GB 11643-1999's own worked examples. */
    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "440524188001010014"})
    void publishedChineseResidentIdsAreValid(String id) {
        assertThat(ReferenceChecks.cnResidentId(id)).isTrue();
        assertThat(ReferenceChecks.cnResidentId(id.substring(0, 17) + (id.endsWith("4") ? "5" : "1"))).isFalse();
    }

    /** Receita Federal's widely published specimen CPF and CNPJ. */
    @ParameterizedTest
    @ValueSource(strings = {"11144477735", "11222333000181"})
    void publishedBrazilianNumbersAreValid(String digits) {
        boolean cpf = digits.length() == 11;
        assertThat(cpf ? ReferenceChecks.cpf(digits) : ReferenceChecks.cnpj(digits)).isTrue();
        String broken = digits.substring(0, digits.length() - 1) + (digits.endsWith("5") ? "6" : "5");
        assertThat(cpf ? ReferenceChecks.cpf(broken) : ReferenceChecks.cnpj(broken)).isFalse();
    }

    /** Specimen UIN/FINs of every series (S/T/F/G per ICA's algorithm; M per GovTech FormSG's test suite). */
    @ParameterizedTest
    @ValueSource(strings = {"S1234567D", "T1234567J", "F1234567N", "G1234567X", "M1234567K"})
    void specimenNricsAreValid(String id) {
        assertThat(ReferenceChecks.nric(id)).isTrue();
        assertThat(ReferenceChecks.nric(id.substring(0, 8) + (id.endsWith("A") ? "B" : "A"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"M1234567L", "M1234567X", "S1234567A", "G1234567N"})
    void wrongCheckLettersAreInvalid(String id) {
        assertThat(ReferenceChecks.nric(id)).isFalse();
    }

    /** BIP-173 / BIP-350 valid test vectors and the genesis block's P2PKH address. */
    @ParameterizedTest
    @ValueSource(strings = {"BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"})
    void publishedBitcoinVectorsAreValid(String address) {
        assertThat(ReferenceChecks.bitcoinAddress(address)).isTrue();
    }

    /** BIP-350's invalid vector (v0 program with a Bech32m checksum) and a one-character change of the genesis one. */
    @ParameterizedTest
    @ValueSource(strings = {"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"})
    void publishedInvalidBitcoinVectorsAreInvalid(String address) {
        assertThat(ReferenceChecks.bitcoinAddress(address)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB123456C", "JG103759A", "ZR000001D"})
    void allocatablePrefixesAreValidNinos(String nino) {
        assertThat(ReferenceChecks.nino(nino)).isTrue();
    }

    /** HMRC NIM39110: D, F, I, Q, U, V never first; O never second; BG, GB, NK, KN, TN, NT, ZZ never allocated. */
    @ParameterizedTest
    @ValueSource(strings = {"QQ123456C", "DA123456A", "AO123456A", "GB123456A", "TN123456B", "AB123456E"})
    void unallocatedNinosAreInvalid(String nino) {
        assertThat(ReferenceChecks.nino(nino)).isFalse();
    }

    /** SSA: area 000, 666 and 900-999, group 00 and serial 0000 are never issued. */
    @ParameterizedTest
    @ValueSource(strings = {"000123456", "666123456", "912345678", "123004567", "123450000"})
    void neverIssuedSsnsAreInvalid(String ssn) {
        assertThat(ReferenceChecks.ssn(ssn)).isFalse();
    }
}
