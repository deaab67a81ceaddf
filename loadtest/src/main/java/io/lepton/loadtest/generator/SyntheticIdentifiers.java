package io.lepton.loadtest.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Random but valid identifiers: every checksummed value passes its real check (so a detector that validates
 * checksums finds it), and numbers come from ranges reserved for fiction where such ranges exist (US 555-01xx
 * phones, UK 07700 900xxx). Values are compact (digits only); {@link IdentifierFormats} adds separators.
 */
public final class SyntheticIdentifiers {

    private static final List<String> CN_AREA_CODES = List.of("110105", "110108", "310104", "310115", "440305",
            "440106", "510104", "330106");
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final SplittableRandom random;

    public SyntheticIdentifiers(SplittableRandom random) {
        this.random = random;
    }

    /** A 16-digit Visa or Mastercard number with a valid Luhn digit. */
    public String cardNumber() {
        String prefix = random.nextBoolean() ? "4" : "5" + (1 + random.nextInt(5));
        String payload = prefix + digits(15 - prefix.length());
        return payload + IdentifierChecksums.luhnCheckDigit(payload);
    }

    /** A compact IBAN of {@code country} whose BBAN follows {@code bbanPattern} ({@code #} digit, {@code A} letter). */
    public String iban(String country, String bbanPattern) {
        StringBuilder bban = new StringBuilder();
        for (char c : bbanPattern.toCharArray()) {
            bban.append(c == '#' ? (char) ('0' + random.nextInt(10)) : LETTERS.charAt(random.nextInt(26)));
        }
        return country + IdentifierChecksums.ibanCheckDigits(country, bban.toString()) + bban;
    }

    /** An 11-digit CPF; never all one digit, which validators reject although its check digits work out. */
    public String cpf() {
        String base;
        do {
            base = digits(9);
        } while (base.chars().distinct().count() == 1);
        return base + IdentifierChecksums.cpfCheckDigits(base);
    }

    /** An 18-character resident identity number: real area code, birth date 1950-2005, sequence, check. */
    public String cnResidentId() {
        String area = CN_AREA_CODES.get(random.nextInt(CN_AREA_CODES.size()));
        String birth = String.format("%04d%02d%02d", 1950 + random.nextInt(56), 1 + random.nextInt(12),
                1 + random.nextInt(28));
        String payload = area + birth + digits(3);
        return payload + IdentifierChecksums.cnResidentIdCheck(payload);
    }

    /** A 12-digit Aadhaar number: first digit 2-9 (UIDAI never issues 0 or 1), Verhoeff check digit. */
    public String aadhaar() {
        String payload = (2 + random.nextInt(8)) + digits(10);
        return payload + IdentifierChecksums.verhoeffCheckDigit(payload);
    }

    /** A Singapore NRIC with prefix S (born before 2000) or T, and its check letter. */
    public String nric() {
        char prefix = random.nextBoolean() ? 'S' : 'T';
        String body = digits(7);
        return prefix + body + IdentifierChecksums.nricCheckLetter(prefix, body);
    }

    /** A US SSN in AAA-GG-SSSS form, outside the areas the SSA never assigns (000, 666, 900-999). */
    public String ssn() {
        int area;
        do {
            area = 1 + random.nextInt(899);
        } while (area == 666);
        return String.format("%03d-%02d-%04d", area, 1 + random.nextInt(99), 1 + random.nextInt(9999));
    }

    /** A national identifier of {@code kind}, or null for {@link NationalIdKind#NONE}. */
    public String nationalId(NationalIdKind kind) {
        return switch (kind) {
            case BR_CPF -> cpf();
            case CN_RESIDENT_ID -> cnResidentId();
            case IN_AADHAAR -> aadhaar();
            case SG_NRIC -> nric();
            case US_SSN -> ssn();
            case NONE -> null;
        };
    }

    /** A phone number following {@code pattern}: {@code #} becomes a random digit. */
    public String phone(String pattern) {
        StringBuilder phone = new StringBuilder(pattern.length());
        for (char c : pattern.toCharArray()) {
            phone.append(c == '#' ? (char) ('0' + random.nextInt(10)) : c);
        }
        return phone.toString();
    }

    /** A public-looking IPv4 address (first octet outside 0, 10, 127 and the multicast/reserved ranges). */
    public String ipv4() {
        int first;
        do {
            first = 1 + random.nextInt(223);
        } while (first == 10 || first == 127);
        return first + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** A global-unicast IPv6 address in compressed form ({@code 2xxx:...::n}). */
    public String ipv6() {
        return String.format("2%03x:%x:%x:%x::%x", random.nextInt(0x1000), random.nextInt(0x10000),
                random.nextInt(0x10000), random.nextInt(0x10000), 1 + random.nextInt(0xffff));
    }

    /** {@code length} random hex characters, for opaque ids (event, session, device). */
    public String hex(int length) {
        StringBuilder hex = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
