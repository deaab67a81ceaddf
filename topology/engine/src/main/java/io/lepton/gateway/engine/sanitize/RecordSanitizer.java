package io.lepton.gateway.engine.sanitize;

import io.lepton.gateway.engine.QuarantineReason;
import io.lepton.gateway.engine.action.FieldAction;
import io.lepton.gateway.engine.crypto.Pseudonymizer;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    private final List<DpStep> dpSteps;
    private final Pseudonymizer keyPseudonymizer;
    private final Map<String, String> actionsByField;
    private final Map<DpRelease, Map<String, Map<String, Integer>>> actionCounts;

    RecordSanitizer(JurisdictionPolicy policy, EventFamily family, Schema outputSchema, List<Step> steps,
            List<DpStep> dpSteps, Pseudonymizer keyPseudonymizer, Map<String, String> actionsByField,
            Map<String, String> auditClasses) {
        this.policy = policy;
        this.family = family;
        this.outputSchema = outputSchema;
        this.steps = List.copyOf(steps);
        this.dpSteps = List.copyOf(dpSteps);
        this.keyPseudonymizer = keyPseudonymizer;
        this.actionsByField = Collections.unmodifiableMap(new LinkedHashMap<>(actionsByField));
        this.actionCounts = Map.of(
                DpRelease.RELEASE, countActions(auditClasses, actionsByField, false),
                DpRelease.WITHHOLD, countActions(auditClasses, actionsByField, true));
    }

    /**
     * Sanitizes one raw event, which must conform to the family's raw schema.
     *
     * @param release whether dp-tagged fields are noised (the subject's budget was charged) or withheld (null)
     * @throws SanitizationException when the event cannot be sanitized safely
     */
    public SanitizedEvent sanitize(GenericRecord raw, DpRelease release) {
        return sanitize(raw, requireSubjectKey(raw), release);
    }

    /**
     * As {@link #sanitize(GenericRecord, DpRelease)}, with the subject's pseudonym already computed by
     * {@link #requireSubjectKey} (an HMAC: the budget check needs it first, and it is not computed twice).
     */
    public SanitizedEvent sanitize(GenericRecord raw, String subjectKey, DpRelease release) {
        GenericData.Record out = new GenericData.Record(outputSchema);
        Map<String, Integer> detections = new HashMap<>();
        for (Step step : steps) {
            step.apply(raw, out, detections);
        }
        for (DpStep step : dpSteps) {
            step.apply(raw, out, release);
        }
        return new SanitizedEvent(subjectKey, out, detections);
    }

    /**
     * The subject's pseudonym under this policy's key (the sanitized record key and the budget-ledger key), or null
     * when the subject field is empty.
     */
    public String subjectKey(GenericRecord raw) {
        String subject = family.subject(raw);
        return subject == null ? null : keyPseudonymizer.pseudonym(subject);
    }

    /**
     * The subject's pseudonym, as {@link #subjectKey}.
     *
     * @throws SanitizationException {@code missing-subject} when the subject field is empty
     */
    public String requireSubjectKey(GenericRecord raw) {
        String key = subjectKey(raw);
        if (key == null) {
            throw new SanitizationException(QuarantineReason.MISSING_SUBJECT, "field " + family.subjectField() + " is empty");
        }
        return key;
    }

    /** Whether the family has dp-tagged fields, i.e. whether releasing an event can cost privacy budget. */
    public boolean hasDpFields() {
        return !dpSteps.isEmpty();
    }

    /**
     * The ε one released event costs the subject: the policy's {@code epsilonPerEvent}, shared equally by the dp
     * fields (basic composition), or 0 when there is nothing to noise (no dp fields, or dp disabled: withheld).
     */
    public double epsilonCost() {
        return hasDpFields() && policy.dp().enabled() ? policy.dp().epsilonPerEvent() : 0;
    }

    /**
     * For audit records: audit field class (PII class, {@code FREE_TEXT}, {@code DP}) to action to the number of
     * fields of that class that get it, when dp fields are released or withheld. Untagged fields are not listed.
     */
    public Map<String, Map<String, Integer>> actionCounts(DpRelease release) {
        return actionCounts.get(release);
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

    /** Action applied to each raw field in schema order (keep for untagged fields), for explanations and audits. */
    public Map<String, String> actionsByField() {
        return actionsByField;
    }

    private static Map<String, Map<String, Integer>> countActions(Map<String, String> auditClasses,
            Map<String, String> actionsByField, boolean withheld) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        auditClasses.forEach((field, auditClass) -> {
            String action = withheld && SanitizerFactory.DP_CLASS.equals(auditClass)
                    ? "withhold" : actionsByField.get(field);
            counts.computeIfAbsent(auditClass, c -> new TreeMap<>()).merge(action, 1, Integer::sum);
        });
        Map<String, Map<String, Integer>> frozen = new LinkedHashMap<>();
        counts.forEach((auditClass, byAction) -> frozen.put(auditClass, Collections.unmodifiableMap(byAction)));
        return Collections.unmodifiableMap(frozen);
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
