package io.lepton.gateway.engine.text.corpusv2;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.IBANValidator;

/**
 * Generates canonical (compact, upper-case) valid values per type from a caller's seeded {@link Random}, and invalid
 * look-alikes for the negatives. Prefix ranges are the networks' and registries' published ones; check digits come
 * from {@link CheckDigits}; phone numbers are libphonenumber's own example numbers per region with their last digits
 * varied and kept only when libphonenumber still calls them valid for that region.
 */
public final class ValueFactory {

    /** Card networks with their published IIN prefixes (ranges as "lo-hi") and lengths. */
    public enum Network {
        VISA(List.of("4"), 16, 13, 19),
        MASTERCARD(List.of("51-55", "2221-2720"), 16),
        AMEX(List.of("34", "37"), 15),
        DISCOVER(List.of("6011", "644-649", "65"), 16),
        JCB(List.of("3528-3589"), 16),
        UNIONPAY(List.of("62"), 16, 19),
        DINERS(List.of("300-305", "36", "38"), 14),
        MAESTRO(List.of("5018", "5020", "5038", "5893", "6304", "6759", "6761-6763"), 16, 19),
        ELO(List.of("401178", "401179", "431274", "438935", "451416", "457393", "457631", "457632", "504175",
                "506699-506778", "509000-509999", "627780", "636297", "636368", "650031-650033", "650035-650051",
                "650405-650439", "650485-650538", "650541-650598", "650700-650718", "650720-650727",
                "650901-650978", "651652-651679", "655000-655019", "655021-655058"), 16),
        RUPAY(List.of("508", "60", "6521", "6522", "81", "82", "353", "356"), 16),
        MIR(List.of("2200-2204"), 16),
        HIPERCARD(List.of("606282", "384100", "384140", "384160"), 16, 19);

        final List<String> prefixes;
        final int[] lengths;

        Network(List<String> prefixes, int... lengths) {
            this.prefixes = prefixes;
            this.lengths = lengths;
        }
    }

    /** The phone regions the corpus covers: every country a built-in policy claims plus GB and US. */
    public static final List<String> PHONE_REGIONS = List.of("US", "GB", "DE", "FR", "BR", "CN", "IN", "SG");

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern IBAN_UNIT = Pattern.compile("\\\\d\\{(\\d+)}|\\[A-Z]\\{(\\d+)}|\\[A-Z0-9]\\{(\\d+)}");
    /** Real county-level codes (GB/T 2260) of a spread of provinces. */
    private static final List<String> CN_AREAS = List.of("110101", "110105", "110108", "120101", "210102",
            "310101", "310104", "310115", "320102", "320106", "330102", "330106", "350102", "370102", "420102",
            "420106", "430102", "440103", "440106", "440305", "440306", "500103", "510104", "510107", "610113");
    private static final String NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ";
    private static final String NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ";

    private final Random random;
    private final Map<String, String> ibanBbanPatterns = loadIbanPatterns();

    public ValueFactory(Random random) {
        this.random = random;
    }

    /** Every IBAN country (and territory with its own code) that Commons Validator's registry table lists. */
    public List<String> ibanCountries() {
        return List.copyOf(ibanBbanPatterns.keySet());
    }

    /**
     * Country code to the pattern after it, from Commons Validator's IBAN registry table; the pattern's first unit is
     * digits and starts with the two check digits.
     */
    private static Map<String, String> loadIbanPatterns() {
        Map<String, String> out = new TreeMap<>();
        for (IBANValidator.Validator v : IBANValidator.getInstance().getDefaultValidators()) {
            String regex = v.getRegexValidator().getPatterns()[0].pattern();
            if (!regex.matches("[A-Z]{2}\\\\d\\{\\d+}.*")) {
                throw new IllegalStateException("unexpected IBAN pattern shape");
            }
            out.put(regex.substring(0, 2), regex.substring(2));
        }
        return out;
    }

    public String card(Network network) {
        String range = network.prefixes.get(random.nextInt(network.prefixes.size()));
        String prefix;
        if (range.contains("-")) {
            int lo = Integer.parseInt(range.substring(0, range.indexOf('-')));
            int hi = Integer.parseInt(range.substring(range.indexOf('-') + 1));
            prefix = String.valueOf(lo + random.nextInt(hi - lo + 1));
        } else {
            prefix = range;
        }
        int length = network.lengths[random.nextInt(network.lengths.length)];
        String payload = prefix + digits(length - 1 - prefix.length());
        return payload + CheckDigits.luhn(payload);
    }

    public String iban(String country) {
        String bban = fill(ibanBbanPatterns.get(country)).substring(2);
        return country + CheckDigits.ibanCheck(country, bban) + bban;
    }

    private String fill(String pattern) {
        StringBuilder out = new StringBuilder();
        Matcher m = IBAN_UNIT.matcher(pattern);
        int at = 0;
        while (m.find()) {
            if (m.start() != at) {
                throw new IllegalStateException("unexpected BBAN pattern unit");
            }
            at = m.end();
            if (m.group(1) != null) {
                out.append(digits(Integer.parseInt(m.group(1))));
            } else if (m.group(2) != null) {
                out.append(letters(Integer.parseInt(m.group(2)), "ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
            } else {
                out.append(letters(Integer.parseInt(m.group(3)), "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"));
            }
        }
        if (at != pattern.length()) {
            throw new IllegalStateException("unexpected BBAN pattern tail");
        }
        return out.toString();
    }

    public String aadhaar() {
        String payload = (char) ('2' + random.nextInt(8)) + digits(10);
        return payload + CheckDigits.verhoeff(payload);
    }

    public String cnResidentId() {
        String area = CN_AREAS.get(random.nextInt(CN_AREAS.size()));
        String birth = String.format("%04d%02d%02d", 1950 + random.nextInt(56), 1 + random.nextInt(12),
                1 + random.nextInt(28));
        String first17 = area + birth + digits(3);
        return first17 + CheckDigits.gb11643(first17);
    }

    public String cpf() {
        String first9;
        do {
            first9 = digits(9);
        } while (first9.chars().distinct().count() == 1);
        return first9 + CheckDigits.cpf(first9);
    }

    public String cnpj() {
        String first12 = digits(8) + (random.nextInt(4) == 0 ? digits(4) : "0001");
        return first12 + CheckDigits.cnpj(first12);
    }

    public String nric() {
        char prefix = "STFGM".charAt(random.nextInt(5));
        String seven = digits(7);
        return prefix + seven + CheckDigits.nric(prefix, seven);
    }

    public String nino() {
        String prefix;
        do {
            prefix = "" + NINO_FIRST.charAt(random.nextInt(NINO_FIRST.length()))
                    + NINO_SECOND.charAt(random.nextInt(NINO_SECOND.length()));
        } while (List.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ").contains(prefix));
        return prefix + digits(6) + "ABCD".charAt(random.nextInt(4));
    }

    /** SSA rules: area 001-899 but not 666, group 01-99, serial 0001-9999; skips the 987-65-432x advertising block. */
    public String ssn() {
        int area;
        do {
            area = 1 + random.nextInt(899);
        } while (area == 666 || area == 987);
        return String.format("%03d%02d%04d", area, 1 + random.nextInt(99), 1 + random.nextInt(9999));
    }

    /** One of P2PKH, P2SH, P2WPKH (Bech32) or P2TR (Bech32m), uniformly. */
    public String bitcoin() {
        return switch (random.nextInt(4)) {
            case 0 -> CheckDigits.base58Check(0x00, bytes(20));
            case 1 -> CheckDigits.base58Check(0x05, bytes(20));
            case 2 -> CheckDigits.segwit("bc", 0, bytes(20));
            default -> CheckDigits.segwit("bc", 1, bytes(32));
        };
    }

    /** A phone number valid for {@code region}: an example number of a random type with up to six digits varied. */
    public PhoneNumber phone(String region) {
        PhoneNumberType type = random.nextInt(3) == 0 ? PhoneNumberType.FIXED_LINE : PhoneNumberType.MOBILE;
        PhoneNumber example = PHONES.getExampleNumberForType(region, type);
        String nsn = PHONES.getNationalSignificantNumber(example);
        int vary = Math.min(6, nsn.length() - 4);
        for (int attempt = 0; attempt < 50; attempt++) {
            String candidate = nsn.substring(0, nsn.length() - vary) + digits(vary);
            PhoneNumber number = new PhoneNumber().setCountryCode(example.getCountryCode())
                    .setNationalNumber(Long.parseLong(candidate));
            if (PHONES.isValidNumberForRegion(number, region) && PHONES.getNumberType(number) == type) {
                return number;
            }
        }
        return example;
    }

    public String ipv4() {
        return (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + (1 + random.nextInt(254));
    }

    /** A global-unicast IPv6 address under a real ISP-style /32, written compressed when it has a zero run. */
    public String ipv6() {
        List<String> prefixes = List.of("2a02:8108", "2409:8a00", "2804:14c", "2001:db8", "2400:cb00", "2a01:4f8");
        StringBuilder out = new StringBuilder(prefixes.get(random.nextInt(prefixes.size())));
        boolean zeroRun = random.nextBoolean();
        int groups = zeroRun ? 2 + random.nextInt(3) : 6;
        if (zeroRun) {
            out.append(':');
        }
        for (int i = 0; i < groups; i++) {
            out.append(':').append(Integer.toHexString(1 + random.nextInt(0xfffe)));
        }
        return out.toString();
    }

    public String digits(int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private String letters(int n, String alphabet) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private byte[] bytes(int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    /** {@code value} with its last (check) character replaced by another of the same kind: invalid by construction. */
    public String breakLastCheck(String value) {
        char last = value.charAt(value.length() - 1);
        String alphabet = value.length() == 18 ? "0123456789X"
                : Character.isDigit(last) ? "0123456789" : "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        char other;
        do {
            other = alphabet.charAt(random.nextInt(alphabet.length()));
        } while (other == last);
        return value.substring(0, value.length() - 1) + other;
    }

    /** An IBAN with one BBAN character replaced: ISO 7064 mod 97-10 detects every single substitution. */
    public String breakIban(String iban) {
        int at = 4 + random.nextInt(iban.length() - 4);
        char c = iban.charAt(at);
        String alphabet = Character.isDigit(c) ? "0123456789" : "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        char other;
        do {
            other = alphabet.charAt(random.nextInt(alphabet.length()));
        } while (other == c);
        return iban.substring(0, at) + other + iban.substring(at + 1);
    }
}
