package io.lepton.gateway.engine.text.corpusv2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.commons.validator.routines.CreditCardValidator;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.checkdigit.IBANCheckDigit;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;
import org.apache.commons.validator.routines.checkdigit.VerhoeffCheckDigit;
import org.junit.jupiter.api.Test;

/**
 * Every generator's values are valid, and its deliberately broken values invalid, according to an oracle that is not
 * the generator: Apache Commons Validator 1.9.0 where it has the algorithm, else {@link ReferenceChecks} (anchored on
 * published values by {@link ReferenceChecksTest}). 10,000 of each per type, from a seed of their own.
 */
class GeneratedValuesOracleTest {

    private static final int N = 10_000;
    private final Random random = new Random(7);
    private final ValueFactory values = new ValueFactory(random);

    @Test
    void cardsPassLuhnAndTheNetworksCommonsValidatorKnowsAcceptThem() {
        CreditCardValidator known = new CreditCardValidator(CreditCardValidator.VISA | CreditCardValidator.MASTERCARD
                | CreditCardValidator.AMEX | CreditCardValidator.DISCOVER | CreditCardValidator.DINERS);
        for (ValueFactory.Network network : ValueFactory.Network.values()) {
            check(() -> values.card(network), LuhnCheckDigit.LUHN_CHECK_DIGIT::isValid, values::breakLastCheck);
            if (network.ordinal() <= ValueFactory.Network.DISCOVER.ordinal()
                    || network == ValueFactory.Network.DINERS) {
                for (int i = 0; i < 1000; i++) {
                    String card = values.card(network);
                    if (network != ValueFactory.Network.VISA || card.length() == 16) {
                        assertThat(known.isValid(card)).as("%s recognised", network).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void ibansOfEveryCountryPassTheRegistryFormatAndMod97() {
        assertThat(values.ibanCountries()).hasSizeGreaterThan(80).contains("DE", "FR", "GB", "BR", "PT", "SA");
        for (String country : values.ibanCountries()) {
            check(() -> values.iban(country), iban -> IBANValidator.getInstance().isValid(iban)
                    && IBANCheckDigit.IBAN_CHECK_DIGIT.isValid(iban), values::breakIban, N / 50);
        }
    }

    @Test
    void aadhaarNumbersPassVerhoeff() {
        check(values::aadhaar, a -> VerhoeffCheckDigit.VERHOEFF_CHECK_DIGIT.isValid(a) && a.charAt(0) >= '2',
                values::breakLastCheck);
    }

    @Test
    void nationalIdsPassTheirReferenceChecks() {
        check(values::cnResidentId, ReferenceChecks::cnResidentId, values::breakLastCheck);
        check(values::cpf, ReferenceChecks::cpf, values::breakLastCheck);
        check(values::cnpj, ReferenceChecks::cnpj, values::breakLastCheck);
        check(values::nric, ReferenceChecks::nric, values::breakLastCheck);
        check(values::nino, ReferenceChecks::nino, n -> "QQ" + n.substring(2));
        check(values::ssn, ReferenceChecks::ssn, s -> (random.nextBoolean() ? "666" : "000") + s.substring(3));
    }

    @Test
    void bitcoinAddressesPassBase58CheckOrBech32() {
        check(values::bitcoin, ReferenceChecks::bitcoinAddress, a -> {
            int at = a.length() - 1 - random.nextInt(6);
            char c = a.charAt(at);
            char other = c == 'q' ? 'p' : c == '2' ? '3' : 'q';
            return a.substring(0, at) + other + a.substring(at + 1);
        });
    }

    @Test
    void theMSeriesIsGenerated() {
        long mSeries = 0;
        for (int i = 0; i < 1000; i++) {
            mSeries += values.nric().startsWith("M") ? 1 : 0;
        }
        assertThat(mSeries).isBetween(120L, 290L);
    }

    private void check(Supplier<String> valid, Predicate<String> oracle, Function<String, String> breaker) {
        check(valid, oracle, breaker, N);
    }

    private static void check(Supplier<String> valid, Predicate<String> oracle, Function<String, String> breaker,
            int n) {
        int good = 0;
        int bad = 0;
        for (int i = 0; i < n; i++) {
            String value = valid.get();
            good += oracle.test(value) ? 1 : 0;
            bad += oracle.test(breaker.apply(value)) ? 0 : 1;
        }
        assertThat(good).as("valid per oracle").isEqualTo(n);
        assertThat(bad).as("broken values invalid per oracle").isEqualTo(n);
    }
}
