package io.lepton.gateway.engine.text;

/**
 * The kinds of personal data the free-text scanner recognises. Policies name these constants to choose an action
 * per type (e.g. {@code PAYMENT_CARD: mask}).
 *
 * <p>The {@linkplain #tier() tier} ranks how much a match can be trusted when two candidates overlap: a checksum
 * proves more than a shape, and a shape proves more than a phone-number plan (which accepts many arbitrary digit
 * strings) or a context cue.
 */
public enum TextPiiType {
    /** Addresses with a valid local part and a dotted domain ending in an alphabetic TLD. */
    EMAIL(1),
    /** Numbers valid for their region according to libphonenumber (international or configured national formats). */
    PHONE(2),
    /** 13-19 digit card numbers passing Luhn with a known issuer prefix, contiguous or in spaced/dashed groups. */
    PAYMENT_CARD(0),
    /** IBANs with the registered length for their country and a valid ISO 7064 mod-97 check. */
    IBAN(0),
    /** IPv4 dotted quads and IPv6 addresses (including compressed and IPv4-suffixed forms). */
    IP_ADDRESS(1),
    /** US Social Security numbers outside the never-issued ranges. */
    US_SSN(1),
    /** Chinese resident identity numbers (GB 11643-1999: province, birth date and mod-11 check). */
    CN_RESIDENT_ID(0),
    /** Indian Aadhaar numbers (12 digits, Verhoeff check, cannot start with 0 or 1). */
    IN_AADHAAR(0),
    /** Brazilian individual taxpayer numbers (two mod-11 check digits). */
    BR_CPF(0),
    /** Brazilian company registry numbers (two mod-11 check digits). */
    BR_CNPJ(0),
    /** UK National Insurance numbers (allocated prefixes, suffix A-D). */
    UK_NINO(1),
    /** Singapore NRIC / FIN (S, T, F, G and M series with their check letter). */
    SG_NRIC(0),
    /** Bitcoin addresses: Base58Check (P2PKH, P2SH) and Bech32 / Bech32m (SegWit). */
    CRYPTO_WALLET(0),
    /** URLs carrying a password in their user info or a token, key, signature or secret in their query. */
    CREDENTIAL_URL(1),
    /** Calendar dates introduced as a date of birth ("born on", "DOB:", "data de nascimento", "出生日期"...). */
    DATE_OF_BIRTH(1),
    /** Person names with context: a cue, a title or a known given name + surname (see {@link LatinNameDetector}). */
    PERSON_NAME(3);

    private final int tier;

    TextPiiType(int tier) {
        this.tier = tier;
    }

    /** Lower is stronger evidence; used to arbitrate overlapping candidates. */
    int tier() {
        return tier;
    }
}
