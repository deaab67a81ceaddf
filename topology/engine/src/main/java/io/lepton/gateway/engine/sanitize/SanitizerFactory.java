package io.lepton.gateway.engine.sanitize;

import io.lepton.gateway.engine.action.FieldAction;
import io.lepton.gateway.engine.action.FieldActions;
import io.lepton.gateway.engine.action.KeepAction;
import io.lepton.gateway.engine.crypto.HmacKeyRing;
import io.lepton.gateway.engine.crypto.Pseudonymizer;
import io.lepton.gateway.engine.dp.DpBounds;
import io.lepton.gateway.engine.dp.FieldNoiser;
import io.lepton.gateway.engine.dp.Mechanism;
import io.lepton.gateway.engine.dp.NoiseKeys;
import io.lepton.gateway.engine.dp.RandomBits;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.family.FieldTags;
import io.lepton.gateway.engine.policy.ActionSpec;
import io.lepton.gateway.engine.policy.DpSettings;
import io.lepton.gateway.engine.policy.FreeTextSettings;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicyException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

/**
 * Plans a {@link RecordSanitizer} for a (policy, family) pair: picks each field's action, derives the sanitized
 * schema from the raw schema and the policy (dropped fields gone, pseudonymized fields strings, generalized fields
 * their generalized type), and fails start-up with a policy error when an action cannot apply.
 *
 * <p><b>DP fields.</b> A field tagged {@code dp} (and not {@code pii}: a policy's per-class action is never overridden)
 * gets a {@link FieldNoiser} built here once: sensitivity {@code max - min} from the tag, mechanism and clamping from
 * the policy's {@code dp:} section. The policy's {@code epsilonPerEvent} (and δ) is split equally across the family's
 * k noised dp fields, each noised with ε/k (δ/k): by basic sequential composition the event's release costs at most
 * {@code epsilonPerEvent} (and δ); the ledger charges that ε (Laplace) or the fields' summed zCDP ρ (Gaussian).
 * A dp field derived from another field ({@code "derivedFrom"}) is dropped under {@code dp.derived: drop}, and
 * refused when the policy claims DP for it while releasing its source. Noise is drawn from {@link NoiseKeys} per
 * (event, field, value), so a replay releases the same value. Its sanitized type is
 * {@code ["null", type]}, null meaning withheld; with {@code dp.enabled: false} no noiser exists and the field is
 * always null (never released raw).
 */
public final class SanitizerFactory {

    /** Audit field class of dp-tagged fields. */
    static final String DP_CLASS = "DP";
    /** Audit field class of dp fields derived from another field ({@code "derivedFrom"}). */
    static final String DP_DERIVED_CLASS = "DP_DERIVED";
    /** Audit field class of free-text fields. */
    static final String FREE_TEXT_CLASS = "FREE_TEXT";

    private final HmacKeyRing keys;
    private final NoiseKeys noiseKeys;
    private final RandomBits fallbackBits;

    /**
     * @param noiseKeys    the reproducible noise PRF, one key per jurisdiction whose DP is enabled
     * @param fallbackBits randomness for events without an id ({@link SecureRandomBits#SecureRandomBits()} in
     *                     production; anything else is for tests)
     */
    public SanitizerFactory(HmacKeyRing keys, NoiseKeys noiseKeys, RandomBits fallbackBits) {
        this.keys = keys;
        this.noiseKeys = noiseKeys;
        this.fallbackBits = fallbackBits;
    }

    public RecordSanitizer create(JurisdictionPolicy policy, EventFamily family) {
        Pseudonymizer pseudonymizer = pseudonymizer(policy);
        requireNoiseKey(policy, family);
        List<Schema.Field> outFields = new ArrayList<>();
        List<RecordSanitizer.Step> steps = new ArrayList<>();
        Map<String, String> actionsByField = new LinkedHashMap<>();
        List<DpStep> dpSteps = new ArrayList<>();
        List<Integer> textGuarded = new ArrayList<>();
        long dpFields = 0;
        for (Schema.Field field : family.rawSchema().getFields()) {
            FieldTags tags = family.tags(field.name());
            if (isDp(tags) && !droppedDerived(policy, family, field.name(), tags)) {
                dpFields++;
                if (tags.derivedFrom() == null) {
                    textGuarded.add(field.pos());
                }
            }
        }
        FreeTextTreatment textTreatment = textTreatment(policy, family, pseudonymizer, textGuarded);
        for (Schema.Field field : family.rawSchema().getFields()) {
            FieldTags tags = family.tags(field.name());
            if (isDp(tags) && droppedDerived(policy, family, field.name(), tags)) {
                actionsByField.put(field.name(), "drop");
                continue;
            }
            if (isDp(tags)) {
                DpStep step = dpStep(policy, family, field, tags, outFields.size(), dpFields);
                dpSteps.add(step);
                actionsByField.put(field.name(), step.noiser() == null ? "withhold" : noiseActionName(policy));
                outFields.add(outField(field, Schema.createUnion(Schema.create(Schema.Type.NULL),
                        Schema.create(step.type())), actionsByField.get(field.name())));
                continue;
            }
            if (tags.freeText()) {
                actionsByField.put(field.name(), "freeText:" + policy.freeText().mode().name().toLowerCase());
                if (policy.freeText().mode() != FreeTextSettings.Mode.DROP) {
                    Schema type = withNullability(field.schema(), Schema.create(Schema.Type.STRING));
                    steps.add(new RecordSanitizer.TextStep(field.pos(), outFields.size(), textTreatment));
                    outFields.add(outField(field, type, "freeText"));
                }
                continue;
            }
            FieldAction action = tags.isPii()
                    ? FieldActions.create(policy.actionFor(tags.piiClass()), tags.piiClass(), pseudonymizer)
                    : new KeepAction();
            actionsByField.put(field.name(), action.name());
            Schema outType = outputType(policy, family, field, tags, action);
            if (outType != null) {
                steps.add(new RecordSanitizer.ValueStep(field.pos(), outFields.size(), action));
                outFields.add(outField(field, outType, tags.isPii() ? action.name() : null));
            }
        }
        Schema raw = family.rawSchema();
        Schema output = Schema.createRecord(raw.getName(),
                "Sanitized " + family.name() + " event under policy " + policy.id() + " (" + policy.name() + ")",
                "io.lepton.sanitized." + policy.id().replace('-', '_'), false, outFields);
        output.addProp("family", family.name());
        output.addProp("jurisdiction", policy.id());
        return new RecordSanitizer(policy, family, output, steps, dpSteps, pseudonymizer, actionsByField,
                auditClasses(family), noiseKeys);
    }

    private static boolean isDp(FieldTags tags) {
        return tags.dpRange().isPresent() && !tags.isPii() && !tags.freeText();
    }

    /**
     * Whether a dp field derived from another field is dropped ({@code dp.derived: drop}). With {@code noise}, a
     * derived field may only be noised when its source is not released: otherwise it is refused here, since the
     * noise would protect nothing (anyone can recompute the value from the released source).
     */
    private static boolean droppedDerived(JurisdictionPolicy policy, EventFamily family, String field, FieldTags tags) {
        if (tags.derivedFrom() == null) {
            return false;
        }
        if (policy.dp().derived() == DpSettings.Derived.DROP) {
            return true;
        }
        if (policy.dp().enabled() && sourceReleased(policy, family.tags(tags.derivedFrom()))) {
            throw new PolicyException(policy.source(), 0, "dp.derived",
                    family.name() + "." + field + " is derived from " + tags.derivedFrom()
                            + ", which this policy releases, so noising it claims a protection it does not have",
                    "add 'derived: drop' to the dp section (drops such fields), or set freeText.mode to redact or drop"
                            + " so the source is not released");
        }
        return false;
    }

    /** Whether a field with {@code tags} reaches the sanitized output in a form that carries its content. */
    private static boolean sourceReleased(JurisdictionPolicy policy, FieldTags tags) {
        if (tags.freeText()) {
            return policy.freeText().mode() == FreeTextSettings.Mode.SCRUB;
        }
        if (tags.isPii()) {
            ActionSpec action = policy.actionFor(tags.piiClass());
            return !(action instanceof ActionSpec.Drop) && !(action instanceof ActionSpec.Redact);
        }
        return tags.dpRange().isEmpty();
    }

    private void requireNoiseKey(JurisdictionPolicy policy, EventFamily family) {
        if (policy.dp().enabled() && !noiseKeys.has(policy.id())) {
            String variable = "LEPTON_NOISE_KEY_" + policy.id().toUpperCase(Locale.ROOT).replace('-', '_');
            throw new PolicyException(policy.source(), 0, "dp",
                    "no noise key for jurisdiction " + policy.id() + " (needed to noise " + family.name() + ")",
                    "set " + variable + " to a base64 key of 32+ random bytes, or mount a file named " + policy.id()
                            + " in $LEPTON_NOISE_KEY_DIR");
        }
    }

    private DpStep dpStep(JurisdictionPolicy policy, EventFamily family, Schema.Field field, FieldTags tags,
            int outPosition, long dpFieldsInFamily) {
        Schema type = nonNullType(field.schema());
        if (type == null || !List.of(Schema.Type.INT, Schema.Type.LONG, Schema.Type.FLOAT, Schema.Type.DOUBLE)
                .contains(type.getType())) {
            throw new IllegalArgumentException("schema bug: field " + family.name() + "." + field.name()
                    + " is tagged dp but is not a number (int, long, float, double or a nullable one)");
        }
        DpSettings dp = policy.dp();
        if (!dp.enabled()) {
            return new DpStep(field.name(), field.pos(), outPosition, type.getType(), null);
        }
        FieldTags.DpRange range = tags.dpRange().orElseThrow();
        try {
            FieldNoiser noiser = new FieldNoiser(new DpBounds(range.min(), range.max()), mechanism(dp),
                    dp.epsilonPerEvent() / dpFieldsInFamily, dp.delta() / dpFieldsInFamily, dp.clampOutput(),
                    fallbackBits);
            return new DpStep(field.name(), field.pos(), outPosition, type.getType(), noiser);
        } catch (IllegalArgumentException e) {
            throw new PolicyException(policy.source(), 0, "dp",
                    "cannot noise " + family.name() + "." + field.name() + ": " + e.getMessage(),
                    "choose epsilonPerEvent and delta so that each of the family's " + dpFieldsInFamily
                            + " dp fields gets a valid share");
        }
    }

    private static Mechanism mechanism(DpSettings dp) {
        return Mechanism.valueOf(dp.mechanism().toUpperCase(Locale.ROOT));
    }

    private static String noiseActionName(JurisdictionPolicy policy) {
        return "noise:" + policy.dp().mechanism();
    }

    /**
     * The audit class of each raw field that the audit reports: PII class, {@code FREE_TEXT}, {@code DP} or
     * {@code DP_DERIVED} (a derived dp field, dropped or noised).
     */
    private static Map<String, String> auditClasses(EventFamily family) {
        Map<String, String> classes = new LinkedHashMap<>();
        for (Schema.Field field : family.rawSchema().getFields()) {
            FieldTags tags = family.tags(field.name());
            if (isDp(tags) && tags.derivedFrom() != null) {
                classes.put(field.name(), DP_DERIVED_CLASS);
            } else if (isDp(tags)) {
                classes.put(field.name(), DP_CLASS);
            } else if (tags.freeText()) {
                classes.put(field.name(), FREE_TEXT_CLASS);
            } else if (tags.isPii()) {
                classes.put(field.name(), tags.piiClass());
            }
        }
        return classes;
    }

    private Pseudonymizer pseudonymizer(JurisdictionPolicy policy) {
        try {
            return new Pseudonymizer(keys, policy.pseudonymKeyId());
        } catch (IllegalArgumentException e) {
            throw new PolicyException(policy.source(), 0, "pseudonymKeyId", e.getMessage().replace("; fix:", ""),
                    "set " + HmacKeyRing.environmentVariableFor(policy.pseudonymKeyId())
                            + " to a base64 key of 32+ random bytes, or mount a file named "
                            + policy.pseudonymKeyId() + " in $" + HmacKeyRing.ENV_DIR);
        }
    }

    private static FreeTextTreatment textTreatment(JurisdictionPolicy policy, EventFamily family,
            Pseudonymizer pseudonymizer, List<Integer> dpPositions) {
        return switch (policy.freeText().mode()) {
            case SCRUB -> ScrubbingTreatment.create(policy, family, pseudonymizer, dpPositions);
            case REDACT, DROP -> FreeTextTreatment.redactWhole();
        };
    }

    private static Schema outputType(JurisdictionPolicy policy, EventFamily family, Schema.Field field,
            FieldTags tags, FieldAction action) {
        Schema valueType = nonNullType(field.schema());
        if (valueType == null) {
            throw new PolicyException(policy.source(), 0, "actions." + tags.piiClass(),
                    "field " + family.name() + "." + field.name() + " has a union type the gateway cannot act on",
                    "tag only fields of a plain type or [\"null\", type]");
        }
        try {
            Schema out = action.outputType(valueType);
            return out == null ? null : withNullability(field.schema(), out);
        } catch (IllegalArgumentException e) {
            throw new PolicyException(policy.source(), 0, "actions." + tags.piiClass(),
                    "field " + family.name() + "." + field.name() + ": " + e.getMessage(),
                    "choose an action that fits class " + tags.piiClass());
        }
    }

    /** The non-null branch of {@code schema}: itself, or X of ["null", X]; null for other unions. */
    static Schema nonNullType(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        List<Schema> branches = schema.getTypes();
        if (branches.size() == 2 && branches.get(0).getType() == Schema.Type.NULL) {
            return branches.get(1);
        }
        return null;
    }

    private static Schema withNullability(Schema raw, Schema out) {
        boolean nullable = raw.getType() == Schema.Type.UNION;
        return nullable ? Schema.createUnion(Schema.create(Schema.Type.NULL), out) : out;
    }

    private static Schema.Field outField(Schema.Field raw, Schema type, String action) {
        Object defaultValue = null;
        if (type.getType() == Schema.Type.UNION) {
            defaultValue = JsonProperties.NULL_VALUE;
        } else if (type.equals(raw.schema()) && raw.hasDefaultValue()) {
            defaultValue = raw.defaultVal();
        }
        Schema.Field field = new Schema.Field(raw.name(), type, raw.doc(), defaultValue);
        if (action != null) {
            field.addProp("sanitizedBy", action);
        }
        return field;
    }
}
