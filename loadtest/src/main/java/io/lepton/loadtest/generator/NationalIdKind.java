package io.lepton.loadtest.generator;

/** National identifiers the generator can write, each with its real check-digit rule (see {@link IdentifierChecksums}). */
public enum NationalIdKind {
    /** Brazilian CPF, two mod-11 check digits. */
    BR_CPF,
    /** Chinese resident identity card number, ISO 7064 MOD 11-2. */
    CN_RESIDENT_ID,
    /** Indian Aadhaar number, Verhoeff. */
    IN_AADHAAR,
    /** Singapore NRIC, weighted mod-11 letter. */
    SG_NRIC,
    /** US social security number (no check digit; the SSA's invalid areas are avoided). */
    US_SSN,
    /** No national identifier in generated data. */
    NONE
}
