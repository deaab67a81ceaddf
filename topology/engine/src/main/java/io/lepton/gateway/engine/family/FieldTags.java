package io.lepton.gateway.engine.family;

import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The privacy meaning of one Avro field, read from its schema properties.
 *
 * <p>Privacy meaning lives in the schema ({@code "pii": "EMAIL"}, {@code "subject": true}, {@code "freeText": true},
 * {@code "dp": {"min": 1, "max": 5}}, {@code "protected": true}, {@code "fairness": "decision"},
 * {@code "derivedFrom": "text"}) so that a new tagged
 * field needs no code change: the policy decides what each class gets in each jurisdiction.
 *
 * @param piiClass the personal-data class, or {@code null} when the field is not personal data
 * @param subject whether the field identifies the data subject (the record key)
 * @param freeText whether the field is free text to be scanned for PII
 * @param dpRange the value bounds declared for differential privacy, when the field is tagged {@code dp}
 * @param isProtected whether the field is a protected attribute for the fairness monitor
 * @param fairnessRole the field's role for the fairness monitor (decision, outcome, label, rank...), or {@code null}
 * @param derivedFrom the field this one is computed from ({@code "derivedFrom": "text"}), or {@code null}: DP on a
 *     derived field protects nothing while its source is released
 */
public record FieldTags(
        String piiClass,
        boolean subject,
        boolean freeText,
        Optional<DpRange> dpRange,
        boolean isProtected,
        String fairnessRole,
        String derivedFrom) {

    /** Bounds of a {@code dp}-tagged field, as declared in the schema. */
    public record DpRange(double min, double max) {
        public DpRange {
            if (!(min < max)) {
                throw new IllegalArgumentException("dp range needs min < max, got [" + min + ", " + max + "]");
            }
        }
    }

    /** Reads the tags of {@code field}; an ill-formed tag is a schema bug and fails loudly. */
    public static FieldTags of(Schema.Field field) {
        Object pii = field.getObjectProp("pii");
        if (pii != null && !(pii instanceof String)) {
            throw new IllegalArgumentException("field '" + field.name() + "': \"pii\" must be a string class name");
        }
        Object derivedFrom = field.getObjectProp("derivedFrom");
        if (derivedFrom != null && !(derivedFrom instanceof String)) {
            throw new IllegalArgumentException("field '" + field.name() + "': \"derivedFrom\" must be a field name");
        }
        return new FieldTags(
                (String) pii,
                Boolean.TRUE.equals(field.getObjectProp("subject")),
                Boolean.TRUE.equals(field.getObjectProp("freeText")),
                dpRange(field),
                Boolean.TRUE.equals(field.getObjectProp("protected")),
                (String) field.getObjectProp("fairness"),
                (String) derivedFrom);
    }

    private static Optional<DpRange> dpRange(Schema.Field field) {
        Object dp = field.getObjectProp("dp");
        if (dp == null) {
            return Optional.empty();
        }
        if (!(dp instanceof Map<?, ?> bounds)
                || !(bounds.get("min") instanceof Number min)
                || !(bounds.get("max") instanceof Number max)) {
            throw new IllegalArgumentException(
                    "field '" + field.name() + "': \"dp\" must be an object {\"min\": number, \"max\": number}");
        }
        return Optional.of(new DpRange(min.doubleValue(), max.doubleValue()));
    }

    /** Whether the field carries personal data the policy must act on. */
    public boolean isPii() {
        return piiClass != null;
    }
}
