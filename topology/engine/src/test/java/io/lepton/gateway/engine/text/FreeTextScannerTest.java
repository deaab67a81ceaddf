package io.lepton.gateway.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FreeTextScannerTest {
    private static final FreeTextScanner SCANNER = FreeTextScanner.builder().build();

    /** Published or hand-checked valid values, each embedded in a sentence; the whole value must be the span. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "EMAIL|maria.silva+promo@example.com.br",
        "PHONE|+1 415-555-2671",
        "PHONE|+44 20 7946 0958",
        "PHONE|(11) 98765-4321",
        "PHONE|13800138000",
        "PHONE|+91 98765 43210",
        "PHONE|0044 20 7946 0958",
        "PAYMENT_CARD|4111 1111 1111 1111",
        "PAYMENT_CARD|5500-0000-0000-0004",
        "PAYMENT_CARD|378282246310005",
        "PAYMENT_CARD|3782 822463 10005",
        "IBAN|GB82WEST12345698765432",
        "IBAN|DE89 3704 0044 0532 0130 00",
        "IP_ADDRESS|192.168.10.254",
        "IP_ADDRESS|2001:db8::8a2e:370:7334",
        "IP_ADDRESS|fe80::1",
        "IP_ADDRESS|::ffff:192.0.2.128",
        "US_SSN|536-22-8745",
        "CN_RESIDENT_ID|11010519491231002X",
        "IN_AADHAAR|2341 2341 2346",
        "BR_CPF|529.982.247-25",
        "BR_CPF|52998224725",
        "BR_CNPJ|11.222.333/0001-81",
        "UK_NINO|AB123456C",
        "UK_NINO|AB 12 34 56 C",
        "SG_NRIC|S1234567D",
        "SG_NRIC|F1234567N",
        "CRYPTO_WALLET|1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
        "CRYPTO_WALLET|3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
        "CRYPTO_WALLET|bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        "CREDENTIAL_URL|https://admin:s3cret@db.example.com:5432/prod",
        "CREDENTIAL_URL|https://api.example.com/v1/export?format=csv&access_token=eyJhbGciOi",
    })
    void detectsValidValueInSentence(TextPiiType type, String value) {
        String text = "Hello, please note " + value + " for the record.";
        assertThat(SCANNER.scan(text)).containsExactly(new Detection(19, 19 + value.length(), type));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "order 4111 1111 1111 1112 (Luhn fails)",
        "IBAN GB82WEST12345698765433 has a wrong check",
        "SSN 666-12-3456 is never issued",
        "CPF 529.982.247-26 has a wrong check digit",
        "version 10.0.19045.3803 installed",
        "build v2.14.3 and 1.0.0-beta",
        "at 2024-03-15T10:30:45Z we shipped",
        "mac 00:1A:2B:3C:4D:5E is a MAC",
        "write to user@localhost now",
        "https://example.com/help?lang=en&page=2",
        "order #4155552671 shipped",
        "delivery on 12/05/2024 confirmed",
        "total R$ 1.234.567,89 paid",
        "aadhaar-like 2341 2341 2347 fails Verhoeff",
        "id 11010519491231002Y bad",
        "nric S1234567A wrong letter",
        "wallet 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb typo",
    })
    void ignoresHardNegatives(String text) {
        assertThat(SCANNER.scan(text)).isEmpty();
    }

    @Test
    void datesOfBirthNeedABirthCue() {
        assertThat(SCANNER.scan("My date of birth is 12/03/1985.")).containsExactly(
            new Detection(20, 30, TextPiiType.DATE_OF_BIRTH));
        assertThat(SCANNER.scan("我的出生日期是1990年5月12日。")).containsExactly(
            new Detection(7, 17, TextPiiType.DATE_OF_BIRTH));
        assertThat(SCANNER.scan("I was born on 12 March 1985")).containsExactly(
            new Detection(14, 27, TextPiiType.DATE_OF_BIRTH));
        assertThat(SCANNER.scan("DOB: March 12, 1985")).containsExactly(
            new Detection(5, 19, TextPiiType.DATE_OF_BIRTH));
        assertThat(SCANNER.scan("The parcel arrives on 12/03/2025.")).isEmpty();
    }

    @Test
    void namesFollowingCues() {
        assertThat(SCANNER.scan("Hi, my name is Maria da Silva and I need help")).containsExactly(
            new Detection(15, 29, TextPiiType.PERSON_NAME));
        assertThat(SCANNER.scan("Kind regards,\nJohn Smith")).containsExactly(
            new Detection(14, 24, TextPiiType.PERSON_NAME));
        assertThat(SCANNER.scan("你好，我叫张伟，订单有问题")).containsExactly(
            new Detection(5, 7, TextPiiType.PERSON_NAME));
        assertThat(SCANNER.scan("Dear Customer, your order shipped")).isEmpty();
    }

    @Test
    void cardBeatsPhoneAndUrlBeatsEmailOnOverlap() {
        String text = "card 4111111111111111 and ftp://bob:pw@files.example.org/x";
        List<Detection> found = SCANNER.scan(text);
        assertThat(found).extracting(Detection::type)
            .containsExactly(TextPiiType.PAYMENT_CARD, TextPiiType.CREDENTIAL_URL);
    }

    @Test
    void reportsOnlyEnabledTypes() {
        FreeTextScanner emailsOnly = FreeTextScanner.builder().enable(EnumSet.of(TextPiiType.EMAIL)).build();
        assertThat(emailsOnly.scan("a@b.co 4111 1111 1111 1111")).containsExactly(
            new Detection(0, 6, TextPiiType.EMAIL));
    }

    @Test
    void nationalPhoneFormatsOnlyForConfiguredRegions() {
        FreeTextScanner usOnly = FreeTextScanner.builder().phoneRegions(Set.of("us")).build();
        assertThat(usOnly.scan("call (415) 555-2671")).extracting(Detection::type).containsExactly(TextPiiType.PHONE);
        assertThat(usOnly.scan("ligue (11) 98765-4321")).isEmpty();
        assertThat(usOnly.scan("ligue +55 11 98765-4321")).extracting(Detection::type)
            .containsExactly(TextPiiType.PHONE);
    }

    @Test
    void unknownPhoneRegionFailsAtBuildTime() {
        assertThatThrownBy(() -> FreeTextScanner.builder().phoneRegions(Set.of("XX")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XX");
    }
}
