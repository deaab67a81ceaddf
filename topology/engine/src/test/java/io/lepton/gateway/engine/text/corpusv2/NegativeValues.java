package io.lepton.gateway.engine.text.corpusv2;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.Random;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;
import org.apache.commons.validator.routines.checkdigit.VerhoeffCheckDigit;

/**
 * Innocent values for the negative templates. A negative must be innocent by every oracle, so that a correct
 * detector can keep it: numbers are redrawn until no checksum oracle accepts them and, except in the deliberately
 * phone-shaped class, until libphonenumber calls them invalid in every covered region.
 */
final class NegativeValues {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final Random random;
    private final ValueFactory values;

    NegativeValues(Random random, ValueFactory values) {
        this.random = random;
        this.values = values;
    }

    String value(String slot, String lang) {
        return switch (slot) {
            case "ORDER" -> orderNumber(false);
            case "ORDER_PHONE" -> orderNumber(true);
            case "TIMESTAMP" -> timestamp();
            case "EPOCH" -> epoch();
            case "VERSION" -> pick(List.of("v2.14.3", "14.2.1 (build 23C71)", "10.0.19045.3803", "5.4.0-150-generic",
                    "3.8.12", "v1.0.0-rc.2", "126.0.6478.127", "8.1.0"));
            case "AMOUNT" -> amount(lang);
            case "BAD_CARD" -> badCard();
            case "BAD_IBAN" -> Renderings.fours(values.breakIban(values.iban(pick(List.of("DE", "FR", "GB", "NL",
                    "ES", "IT", "PT")))), " ");
            case "BAD_AADHAAR" -> badAadhaar();
            case "BAD_CPF" -> badCpf();
            case "DATE" -> date(lang);
            case "ZIP" -> pick(List.of("94103", "10115 Berlin", "01310-100", "SW1A 2AA", "100020", "560001"));
            case "SKU" -> "SKU-" + values.digits(4) + "-" + pick(List.of("AB", "XL", "BLK", "RED"));
            default -> throw new IllegalStateException("unknown negative slot " + slot);
        };
    }

    private String orderNumber(boolean phoneShaped) {
        while (true) {
            int length = pick(List.of(8, 10, 11, 12));
            String n = (char) ('1' + random.nextInt(9)) + values.digits(length - 1);
            if (checksumValid(n)) {
                continue;
            }
            if (phoneValidSomewhere(n) == phoneShaped) {
                return n;
            }
        }
    }

    private String epoch() {
        while (true) {
            String n = "17" + values.digits(8) + (random.nextBoolean() ? values.digits(3) : "");
            if (!checksumValid(n) && !phoneValidSomewhere(n)) {
                return n;
            }
        }
    }

    private String timestamp() {
        String date = String.format("%04d-%02d-%02d", 2023 + random.nextInt(3), 1 + random.nextInt(12),
                1 + random.nextInt(28));
        String time = String.format("%02d:%02d:%02d", random.nextInt(24), random.nextInt(60), random.nextInt(60));
        return switch (random.nextInt(3)) {
            case 0 -> date + " " + time;
            case 1 -> date + "T" + time + "Z";
            default -> date.replace('-', '/') + " " + time.substring(0, 5);
        };
    }

    private String amount(String lang) {
        int whole = 10 + random.nextInt(99_990);
        int cents = random.nextInt(100);
        return switch (lang) {
            case "de" -> String.format(java.util.Locale.GERMANY, "%,d,%02d €", whole, cents);
            case "pt" -> String.format(java.util.Locale.GERMANY, "R$ %,d,%02d", whole, cents);
            case "zh" -> String.format(java.util.Locale.US, "¥%,d.%02d", whole, cents);
            case "hi" -> "₹" + String.format(java.util.Locale.US, "%,d", whole);
            default -> String.format(java.util.Locale.US, "$%,d.%02d", whole, cents);
        };
    }

    private String badCard() {
        ValueFactory.Network network = ValueFactory.Network.values()[random.nextInt(4)];
        String number = values.breakLastCheck(values.card(network));
        return Renderings.fours(number, " ");
    }

    private String badAadhaar() {
        while (true) {
            String a = values.breakLastCheck(values.aadhaar());
            if (!phoneValidSomewhere(a)) {
                return Renderings.fours(a, " ");
            }
        }
    }

    private String badCpf() {
        String c = values.breakLastCheck(values.cpf());
        return c.substring(0, 3) + "." + c.substring(3, 6) + "." + c.substring(6, 9) + "-" + c.substring(9);
    }

    private String date(String lang) {
        int y = 2024 + random.nextInt(2);
        int mo = 1 + random.nextInt(12);
        int d = 1 + random.nextInt(28);
        return switch (lang) {
            case "de" -> String.format("%02d.%02d.%04d", d, mo, y);
            case "pt" -> String.format("%02d/%02d/%04d", d, mo, y);
            default -> String.format("%02d/%02d/%04d", mo, d, y);
        };
    }

    /** Whether any checksum oracle of a covered type accepts the digit string. */
    static boolean checksumValid(String digits) {
        int n = digits.length();
        return n >= 12 && LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(digits)
                || n == 12 && VerhoeffCheckDigit.VERHOEFF_CHECK_DIGIT.isValid(digits) && digits.charAt(0) >= '2'
                || n == 11 && ReferenceChecks.cpf(digits)
                || n == 14 && ReferenceChecks.cnpj(digits)
                || n == 9 && ReferenceChecks.ssn(digits);
    }

    /** Whether libphonenumber calls the digits a valid number, nationally in a covered region or with a leading '+'. */
    static boolean phoneValidSomewhere(String digits) {
        for (String region : ValueFactory.PHONE_REGIONS) {
            for (String candidate : List.of(digits, "+" + digits)) {
                try {
                    if (PHONES.isValidNumber(PHONES.parse(candidate, region))) {
                        return true;
                    }
                } catch (NumberParseException e) {
                    // not a number in this region: innocent there
                }
            }
        }
        return false;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
