package io.lepton.gateway.engine.sanitize;

import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * What happens to one free-text value, chosen by the policy's {@code freeText.mode}.
 *
 * <p>The raw record is passed so that a treatment can remove the record's own tagged values (its customer's name,
 * e-mail, phone) wherever they reappear in the text.
 */
@FunctionalInterface
public interface FreeTextTreatment {

    /**
     * @param text the raw text (non-null)
     * @param raw the whole raw record
     * @param detections counter to add detected PII types to
     * @return the sanitized text
     * @throws SanitizationException when the text cannot be made safe (e.g. oversize and the policy says quarantine)
     */
    String treat(String text, GenericRecord raw, Map<String, Integer> detections);

    /** Replaces the whole text by one placeholder: the safest choice, and useless for analytics. */
    static FreeTextTreatment redactWhole() {
        return (text, raw, detections) -> "[FREE_TEXT]";
    }
}
