package io.lepton.gateway.engine.text;

import java.util.Objects;

/**
 * A value of one of the record's own tagged fields (customer name, e-mail, phone, account id...) that must also be
 * removed wherever it reappears in the record's free text. Detectors find PII in general; linked values catch the
 * subject's own data even when no detector would (a bare first name, an account id with no checksum).
 *
 * @param value the field's value as stored in the record
 * @param piiClass the field's PII class from the schema tag (e.g. {@code "PERSON_NAME"}, {@code "PHONE"}); used as
 *     the replacement's type name and to choose the variants that are searched for
 */
public record LinkedValue(String value, String piiClass) {
    public LinkedValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(piiClass, "piiClass");
    }
}
