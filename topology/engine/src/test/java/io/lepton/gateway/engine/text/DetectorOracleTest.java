package io.lepton.gateway.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.commons.validator.routines.EmailValidator;
import org.apache.commons.validator.routines.InetAddressValidator;
import org.apache.commons.validator.routines.checkdigit.CheckDigitException;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;
import org.apache.commons.validator.routines.checkdigit.VerhoeffCheckDigit;
import org.junit.jupiter.api.Test;

/**
 * The text-level detectors against Commons Validator on seeded generated values: every value the oracle accepts, set
 * in a sentence, is found whole; values it rejects are not reported (for IPs and e-mails, whose text forms are the
 * oracle's own business, the scanner must agree both ways on the generated shapes).
 */
class DetectorOracleTest {
    private static final FreeTextScanner SCANNER = FreeTextScanner.builder().build();
    private static final int N = 10_000;

    @Test
    void cardsAndAadhaarFollowTheirCheckDigits() throws CheckDigitException {
        Random rnd = new Random(7);
        String[] prefixes = {"4", "51", "55", "2221", "2720", "2200", "34", "37", "36", "6011", "65", "62", "3530",
            "5066", "6362", "6062", "6521", "8171", "509"};
        for (int i = 0; i < N; i++) {
            String prefix = prefixes[i % prefixes.length];
            int length = prefix.startsWith("3") && prefix.length() == 2 && !prefix.equals("36") ? 15
                : prefix.equals("36") ? 14 : 16;
            String body = prefix + digits(rnd, length - 1 - prefix.length());
            boolean valid = i % 2 == 0;
            String check = LuhnCheckDigit.LUHN_CHECK_DIGIT.calculate(body);
            String number = body + (valid ? check : String.valueOf((Integer.parseInt(check) + 1 + rnd.nextInt(9)) % 10));
            String text = "card " + number + " please";
            // A valid number is found whole (a 14-digit one may also be a valid CNPJ, and reported as that).
            boolean found = valid
                ? SCANNER.scan(text).stream().anyMatch(d -> d.start() == 5 && d.end() == 5 + number.length())
                : SCANNER.scan(text).stream().anyMatch(d -> d.type() == TextPiiType.PAYMENT_CARD);
            assertThat(found).as("%s (valid %s)", number, valid).isEqualTo(valid);
        }
        for (int i = 0; i < N; i++) {
            String body = (char) ('2' + rnd.nextInt(8)) + digits(rnd, 10);
            boolean valid = i % 2 == 0;
            String check = VerhoeffCheckDigit.VERHOEFF_CHECK_DIGIT.calculate(body);
            String number = body + (valid ? check : String.valueOf((Integer.parseInt(check) + 1 + rnd.nextInt(9)) % 10));
            String grouped = number.substring(0, 4) + " " + number.substring(4, 8) + " " + number.substring(8);
            boolean found = SCANNER.scan("Aadhaar " + grouped).stream()
                .anyMatch(d -> d.type() == TextPiiType.IN_AADHAAR);
            assertThat(found).as("%s (valid %s)", grouped, valid).isEqualTo(valid);
        }
    }

    @Test
    void ipAddressesAgreeWithInetAddressValidator() {
        Random rnd = new Random(11);
        InetAddressValidator oracle = InetAddressValidator.getInstance();
        for (int i = 0; i < N; i++) {
            String ip = i % 2 == 0
                ? rnd.nextInt(300) + "." + rnd.nextInt(300) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256)
                : ipv6(rnd);
            String text = "from " + ip + " today";
            boolean found = SCANNER.scan(text).contains(new Detection(5, 5 + ip.length(), TextPiiType.IP_ADDRESS));
            assertThat(found).as(ip).isEqualTo(oracle.isValid(ip));
        }
    }

    @Test
    void emailsTheOracleAcceptsAreFound() {
        Random rnd = new Random(13);
        EmailValidator oracle = EmailValidator.getInstance();
        String local = "abcdefghijklmnopqrstuvwxyz0123456789._-+";
        int checked = 0;
        for (int i = 0; i < N; i++) {
            StringBuilder address = new StringBuilder();
            for (int k = 1 + rnd.nextInt(12); k > 0; k--) {
                address.append(local.charAt(rnd.nextInt(local.length())));
            }
            address.append('@').append(word(rnd)).append('.').append(i % 3 == 0 ? word(rnd) + "." : "")
                .append(new String[] {"com", "de", "com.br", "cn", "in", "sg", "co.uk"}[rnd.nextInt(7)]);
            String email = address.toString();
            if (!oracle.isValid(email)) {
                continue;
            }
            String text = "mail " + email + " thanks";
            assertThat(SCANNER.scan(text)).as(email)
                .contains(new Detection(5, 5 + email.length(), TextPiiType.EMAIL));
            checked++;
        }
        assertThat(checked).isGreaterThan(N / 2);
    }

    private static String ipv6(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int groups = rnd.nextInt(3) == 0 ? 7 + rnd.nextInt(2) : 8;
        for (int g = 0; g < groups; g++) {
            if (g > 0) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(rnd.nextInt(rnd.nextInt(4) == 0 ? 0x1FFFF : 0x10000)));
        }
        if (groups == 7 && rnd.nextBoolean()) {
            int cut = sb.indexOf(":");
            sb.insert(cut, ':');
        }
        return sb.toString();
    }

    private static String word(Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int k = 2 + rnd.nextInt(8); k > 0; k--) {
            sb.append((char) ('a' + rnd.nextInt(26)));
        }
        return sb.toString();
    }

    private static String digits(Random rnd, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        return sb.toString();
    }
}
