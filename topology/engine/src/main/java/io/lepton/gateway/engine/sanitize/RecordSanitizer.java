package io.lepton.gateway.engine.sanitize;

import io.lepton.gateway.engine.action.FieldAction;
import io.lepton.gateway.engine.crypto.Pseudonymizer;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Sanitizes events of one family under one jurisdiction's policy, following a plan fixed at start-up.
 *
 * <p>All decisions (which field gets which action, the output schema) are made once by {@link SanitizerFactory}; the
 * per-record path is a loop over precomputed steps with no lookups by name, which keeps it fast and makes it
 * impossible for a field to be forgotten: an output field exists only if a step writes it.
 */
public final class RecordSanitizer {

    private final JurisdictionPolicy policy;
    private final EventFamily family;
    private final Schema outputSchema;
    private final List<Step> steps;
    private final int subjectPosition;
    private final Pseudonymizer keyPseudonymizer;
    private final Map<String, String> actionsByField;

    RecordSanitizer(JurisdictionPolicy policy, EventFamily family, Schema outputSchema, List<Step> steps,
            Pseudonymizer keyPseudonymizer, Map<String, String> actionsByField) {
        this.policy = policy;
        this.family = family;
        this.outputSchema = outputSchema;
        this.steps = List.copyOf(steps);
        this.subjectPosition = family.rawSchema().getField(family.subjectField()).pos();
        this.keyPseudonymizer = keyPseudonymizer;
        this.actionsByField = Map.copyOf(actionsByField);
    }

    /**
     * Sanitizes one raw event, which must conform to the family's raw schema.
     *
     * @throws SanitizationException when the event cannot be sanitized safely
     */
    public SanitizedEvent sanitize(GenericRecord raw) {
        Object subject = raw.get(subjectPosition);
        if (subject == null || subject.toString().isBlank()) {
            throw new SanitizationException("missing-subject", "field " + family.subjectField() + " is empty");
        }
        GenericData.Record out = new GenericData.Record(outputSchema);
        Map<String, Integer> detections = new HashMap<>();
        for (Step step : steps) {
            step.apply(raw, out, detections);
        }
        return new SanitizedEvent(keyPseudonymizer.pseudonym(subject.toString()), out, detections);
    }

    /** The derived sanitized schema, registered under the sanitized topic's subject. */
    public Schema outputSchema() {
        return outputSchema;
    }

    public JurisdictionPolicy policy() {
        return policy;
    }

    public EventFamily family() {
        return family;
    }

    /** Action applied to each raw field (keep for untagged fields), for explanations and audit records. */
    public Map<String, String> actionsByField() {
        return actionsByField;
    }

    /** One precomputed per-field operation. */
    interface Step {
        void apply(GenericRecord raw, GenericData.Record out, Map<String, Integer> detections);
    }

    /** Copies a field through an action. */
    record ValueStep(int rawPosition, int outPosition, FieldAction action) implements Step {
        @Override
        public void apply(GenericRecord raw, GenericData.Record out, Map<String, Integer> detections) {
            Object value = raw.get(rawPosition);
            out.put(outPosition, value == null ? null : action.apply(value));
        }
    }

    /** Treats a free-text field. */
    record TextStep(int rawPosition, int outPosition, FreeTextTreatment treatment) implements Step {
        @Override
        public void apply(GenericRecord raw, GenericData.Record out, Map<String, Integer> detections) {
            Object value = raw.get(rawPosition);
            out.put(outPosition, value == null ? null : treatment.treat(value.toString(), raw, detections));
        }
    }
}
