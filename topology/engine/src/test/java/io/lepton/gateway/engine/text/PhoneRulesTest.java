package io.lepton.gateway.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PhoneRules} builds the number itself and asks only {@code isValidNumber}; the oracle is libphonenumber's
 * own path from text (its {@code parse} of the "+" form, then {@code isPossibleNumber} and {@code isValidNumber}),
 * which shares none of that construction. Checked on every region's published example numbers and on random digit
 * strings, most of them invalid. Where parse reads the digits differently from how they are written (it drops a
 * national trunk prefix typed after the country code, "+60 0..."; the scanner handles "(0)" itself) the string is
 * skipped: the two do not ask the same question there.
 */
class PhoneRulesTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final PhoneRules rules = new PhoneRules(List.of("US"));

    @Test
    void everyRegionsExampleNumbersAreValidInternationally() {
        int checked = 0;
        for (String region : UTIL.getSupportedRegions()) {
            for (PhoneNumberUtil.PhoneNumberType type : UTIL.getSupportedTypesForRegion(region)) {
                PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                if (example != null) {
                    String e164 = UTIL.format(example, PhoneNumberUtil.PhoneNumberFormat.E164);
                    assertThat(rules.validInternational(e164.substring(1))).as(e164).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(1_000);
    }

    @Test
    void randomDigitStringsAgreeWithParsingAndValidating() {
        Random random = new Random(20261203);
        int valid = 0;
        for (int trial = 0; trial < 20_000; trial++) {
            StringBuilder digits = new StringBuilder();
            for (int k = 8 + random.nextInt(7); k > 0; k--) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            if (digits.charAt(0) == '0') {
                continue; // no calling code starts with 0
            }
            PhoneNumber parsed = parsedAsWritten(digits.toString());
            boolean expected = parsed != null && UTIL.isPossibleNumber(parsed) && UTIL.isValidNumber(parsed);
            assertThat(rules.validInternational(digits.toString())).as("+%s", digits).isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).as("valid among the random numbers").isGreaterThan(500);
    }

    /** The parsed "+digits", or null when it does not parse or parse read other digits than those written. */
    private static PhoneNumber parsedAsWritten(String digits) {
        try {
            PhoneNumber parsed = UTIL.parse("+" + digits, "ZZ");
            return (parsed.getCountryCode() + UTIL.getNationalSignificantNumber(parsed)).equals(digits) ? parsed : null;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
