package io.lepton.gateway.engine.sanitize;

import io.lepton.gateway.engine.QuarantineReason;
import io.lepton.gateway.engine.action.FieldAction;
import io.lepton.gateway.engine.crypto.Pseudonymizer;
import io.lepton.gateway.engine.dp.NoiseKeys;
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
    private final NoiseKeys noiseKeys;

    RecordSanitizer(JurisdictionPolicy policy, EventFamily family, Schema outputSchema, List<Step> steps,
            List<DpStep> dpSteps, Pseudonymizer keyPseudonymizer, Map<String, String> actionsByField,
            Map<String, String> auditClasses, NoiseKeys noiseKeys) {
        this.policy = policy;
        this.noiseKeys = noiseKeys;
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
        if (!dpSteps.isEmpty()) {
            DpStep.EventNoise noise = eventNoise(raw);
            for (DpStep step : dpSteps) {
                step.apply(raw, out, release, noise);
            }
        }
        return new SanitizedEvent(subjectKey, out, detections);
    }

    /**
     * Noise streams for {@code raw}: from the jurisdiction's noise PRF keyed by (family, eventId, field, clamped
     * value), so a replay of the event releases the same values while a different value under a reused id gets
     * independent noise (its release is charged as a new one, see {@link #eventIdentity}); the fallback DRBG when the
     * event has no id.
     */
    private DpStep.EventNoise eventNoise(GenericRecord raw) {
        String eventId = eventId(raw);
        if (eventId == null) {
            return (field, value) -> null;
        }
        String jurisdiction = policy.id();
        String familyName = family.name();
        return (field, value) -> noiseKeys.bitsFor(jurisdiction, familyName, eventId, field, Double.toString(value));
    }

    /**
     * What makes a release the same release again: family, eventId and every dp field's clamped value; null when the
     * event has no id (its noise is never repeated, so it is charged every time). The ledger remembers a keyed hash
     * of it, never the string.
     */
    public String eventIdentity(GenericRecord raw) {
        String eventId = eventId(raw);
        if (eventId == null) {
            return null;
        }
        StringBuilder identity = new StringBuilder(family.name()).append('\u0000').append(eventId);
        for (DpStep step : dpSteps) {
            identity.append('\u0000').append(step.clampedValue(raw));
        }
        return identity.toString();
    }

    private static String eventId(GenericRecord raw) {
        Object id = raw.get("eventId");
        return id == null || id.toString().isBlank() ? null : id.toString();
    }

    /**
     * The subject's pseudonym under this policy's key (the sanitized record key and the budget-ledger key), or null
     * when the subject field is empty.
     */
    public String subjectKey(GenericRecord raw) {
        String subject = subjectIdentity(raw);
        return subject == null ? null : keyPseudonymizer.pseudonym(subject);
    }

    /**
     * The subject id of {@code raw} normalised under this policy's {@code subjectIdentity} (canonical form, case
     * folded if the policy says so), or null when empty: what is pseudonymised and what the ledger is keyed by.
     */
    public String subjectIdentity(GenericRecord raw) {
        String subject = family.subject(raw);
        return subject == null ? null : policy.subjectIdentity().normalize(subject);
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
     * For Gaussian jurisdictions the event is (ε, δ)-DP with this ε, and the ledger charges {@link #privacyCost}.
     */
    public double epsilonCost() {
        return hasDpFields() && policy.dp().enabled() ? policy.dp().epsilonPerEvent() : 0;
    }

    /**
     * What the ledger charges for one release, in the measure of the jurisdiction's accountant: ε for Laplace
     * ({@link #epsilonCost}), the summed zCDP ρ of the fields' discrete Gaussians for Gaussian; 0 when nothing is
     * noised.
     */
    public double privacyCost() {
        if (epsilonCost() == 0) {
            return 0;
        }
        if (!"gaussian".equals(policy.dp().mechanism())) {
            return epsilonCost();
        }
        double rho = 0;
        for (DpStep step : dpSteps) {
            rho += step.noiser().sampler().rho();
        }
        return Math.nextUp(rho);
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
