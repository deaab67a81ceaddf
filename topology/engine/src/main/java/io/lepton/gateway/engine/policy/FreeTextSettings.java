package io.lepton.gateway.engine.policy;

import java.util.Set;

/**
 * How a jurisdiction treats free-text fields (fields tagged {@code freeText}).
 *
 * @param mode scrub detected PII in place, redact the whole text, or drop the field
 * @param maxChars texts longer than this are oversize
 * @param onOversize truncate oversize text (then scrub what is kept) or quarantine the record
 * @param detectors detector names enabled in scrub mode (the detected type names, e.g. EMAIL, IBAN)
 */
public record FreeTextSettings(Mode mode, int maxChars, Oversize onOversize, Set<String> detectors) {

    /** What happens to a free-text field. */
    public enum Mode { SCRUB, REDACT, DROP }

    /** What happens to a free text longer than {@code maxChars}. */
    public enum Oversize { TRUNCATE, QUARANTINE }

    public FreeTextSettings {
        detectors = Set.copyOf(detectors);
    }
}
