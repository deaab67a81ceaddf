package io.lepton.gateway.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.validator.routines.checkdigit.CheckDigitException;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;
import org.apache.commons.validator.routines.checkdigit.VerhoeffCheckDigit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The written forms of issue #12, one example per class: each text holds exactly one value, marked {@code «...»},
 * that must be replaced entirely (no fragment left), and the innocent texts must come out unchanged. Check digits of
 * the card and Aadhaar values are computed by Commons Validator, not written here.
 */
class FreeTextFormsTest {
    private static final FreeTextScrubber SCRUBBER = new FreeTextScrubber(FreeTextScanner.builder()
        .phoneRegions(java.util.Set.of("US", "GB", "DE", "FR", "BR", "CN", "IN", "SG")).build());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Aadhaar no. «VERHOEFF:23456789012»",
        "my card # «LUHN:411111111111111» thanks",
        "CPF nº «529.982.247-25» por favor",
        "Elo: «LUHN:506699111111111»",
        "RuPay «LUHN:652150000000000»",
        "Mir «LUHN:220000000000000»",
        "Hipercard «LUHN:606282000000000»",
        "UnionPay «LUHN:624303000000000»",
        "JCB «LUHN:356990010095840»",
        "Diners «LUHN:3056930902590»",
        "Mastercard «LUHN:222100000000000»",
        "My mobile no. is «98765 43210»",
        "ring me on «0044 7833 360239» today",
        "Handynummer: «0173/77566521»",
        "erreichbar unter «+49 (0)176 12345678» abends",
        "His social security number is «536902184» thanks",
        "mail «name(at)example.de» bitte",
        "write to «maria at web dot de» please",
        "https://shop.example/pay?cc=«LUHN:411111111111111»&x=1",
        "link: https://x.example/?to=«jo%40example.com»",
        "tel:«+4930123456»",
        "WhatsApp https://wa.me/«5511987654321»",
        "电话«13812345678»谢谢",
        "{\"phone\": \"«+442079460958»\"}",
        "server «[2001:db8::1]:8080» up", "peer «203.0.113.7:8443» up", "ip «２００１：ｄｂ８：：１» ok",
        "iban «de89 3704 0044 0532 0130 00» ok",
        "card «LUHN-FULLWIDTH:411111111111111» ok",
        "mail «ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ» ok",
        "number «LUHN-ZW:411111111111111» ok",
        "phone «+44\u00a020\u00a07946\u00a00958» ok",
        "card «LUHN-WRAP:411111111111111» ok",
        "NRIC «S1234567D» ok",
        "nric «s1234567d» ok",
        "GET http://«203.0.113.7»/admin failed",
        "'IBAN «MT84 MALT 0110 0001 2345\nMTLC AST0 01S» ok'",
        "nino «ab123456c» ok",
        "CPF «111444777-35» ok",
        "CPF «111 444 777 35» ok",
        "CNPJ «11222333/0001-81» ok",
        "身份证 «110105 19491231 002X» ok",
        "id «110105-19491231-002x» ok",
        "FIN «M1234567K» ok",
        "call «+1 201-555-0123»-Fax after six",
        "Office: «8123 9811»-Office",
        "Mobile: «+33 (0)6 12 34 56 78» ok",
        "DOB «02-11-90», thanks",
        "Geburtsdatum: «6. Juli 1981»",
        "Data de nascimento: «4 de dezembro de 1946»",
        "Ich bin am «20.12.1997» geboren.",
    })
    void valueIsReplacedWhole(String template) throws CheckDigitException {
        String text = expand(template);
        int open = text.indexOf('«');
        int close = text.indexOf('»');
        String plain = text.replace("«", "").replace("»", "");
        String scrubbed = SCRUBBER.scrub(plain, List.of(), (type, v) -> "[X]").text();
        assertThat(scrubbed).as("from %s", plain)
            .isEqualTo(text.substring(0, open) + "[X]" + text.substring(close + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Vielen Dank im Voraus!", "Thanks\nSent from my iPhone", "Dear Valued Customer,",
        "Case 48213957 was closed.", "Aktenzeichen 40192837 liegt vor.", "Hallo zusammen, wie geht's?",
        "IBAN DE89 3704 0044 0532 0130 01 is wrong", "see you at noon dot", "Meet at 10:30 in room 4.",
        "Version 2.4.1 shipped on 2024-03-05.", "Order #123456789 shipped", "Hi team, thanks!",
        "Invoice 48213957-Paid is attached", "Meet on 02-11-90 at noon", "Lieferung am 20.12.1997 erfolgt",
        "Ticket 2024-03-15-Monday was closed"})
    void innocentTextSurvives(String text) {
        assertThat(SCRUBBER.scrub(text, List.of(), (type, v) -> "[" + type + "]").text()).isEqualTo(text);
    }

    /** Replaces {@code «LUHN:body»} / {@code «VERHOEFF:body»} by the body plus its check digit (and variants). */
    private static String expand(String template) throws CheckDigitException {
        int open = template.indexOf('«');
        int colon = template.indexOf(':', open);
        int close = template.indexOf('»');
        String kind = colon > 0 && colon < close ? template.substring(open + 1, colon) : "";
        if (!kind.startsWith("LUHN") && !kind.equals("VERHOEFF")) {
            return template;
        }
        String body = template.substring(colon + 1, close);
        String full = body + (kind.equals("VERHOEFF") ? VerhoeffCheckDigit.VERHOEFF_CHECK_DIGIT.calculate(body)
            : LuhnCheckDigit.LUHN_CHECK_DIGIT.calculate(body));
        String written = switch (kind) {
            case "LUHN-FULLWIDTH" -> full.chars().mapToObj(c -> String.valueOf((char) (c - '0' + 0xFF10)))
                .reduce("", String::concat);
            case "LUHN-ZW" -> full.substring(0, 8) + "\u200b" + full.substring(8);
            case "LUHN-WRAP" -> full.substring(0, 4) + " " + full.substring(4, 8) + "\n" + full.substring(8, 12) + " "
                + full.substring(12);
            default -> full;
        };
        return template.substring(0, open + 1) + written + template.substring(close);
    }
}
