package io.lepton.gateway.engine.sanitize;

import io.lepton.gateway.engine.action.FieldAction;
import io.lepton.gateway.engine.action.FieldActions;
import io.lepton.gateway.engine.action.KeepAction;
import io.lepton.gateway.engine.crypto.HmacKeyRing;
import io.lepton.gateway.engine.crypto.Pseudonymizer;
import io.lepton.gateway.engine.dp.DpBounds;
import io.lepton.gateway.engine.dp.FieldNoiser;
import io.lepton.gateway.engine.dp.Mechanism;
import io.lepton.gateway.engine.dp.RandomBits;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.family.FieldTags;
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
 * k dp fields, each noised with ε/k (δ/k): by basic sequential composition the event's release costs exactly
 * {@code epsilonPerEvent} (and δ), which is what the budget ledger charges. Its sanitized type is
 * {@code ["null", type]}, null meaning withheld; with {@code dp.enabled: false} no noiser exists and the field is
 * always null (never released raw).
 */
public final class SanitizerFactory {

    /** Audit field class of dp-tagged fields. */
    static final String DP_CLASS = "DP";
    /** Audit field class of free-text fields. */
    static final String FREE_TEXT_CLASS = "FREE_TEXT";

    private final HmacKeyRing keys;
    private final RandomBits noiseBits;

    /** With production noise: {@link SecureRandomBits}, cryptographically secure. */
    public SanitizerFactory(HmacKeyRing keys) {
        this(keys, new SecureRandomBits());
    }

    /**
     * @param noiseBits randomness for DP noise; anything but {@link SecureRandomBits#SecureRandomBits()} is for tests
     */
    public SanitizerFactory(HmacKeyRing keys, RandomBits noiseBits) {
        this.keys = keys;
        this.noiseBits = noiseBits;
    }

    public RecordSanitizer create(JurisdictionPolicy policy, EventFamily family) {
        Pseudonymizer pseudonymizer = pseudonymizer(policy);
        FreeTextTreatment textTreatment = textTreatment(policy, family, pseudonymizer);
        List<Schema.Field> outFields = new ArrayList<>();
        List<RecordSanitizer.Step> steps = new ArrayList<>();
        Map<String, String> actionsByField = new LinkedHashMap<>();
        List<DpStep> dpSteps = new ArrayList<>();
        long dpFields = family.rawSchema().getFields().stream()
                .filter(f -> isDp(family.tags(f.name()))).count();
        for (Schema.Field field : family.rawSchema().getFields()) {
            FieldTags tags = family.tags(field.name());
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
                auditClasses(family));
    }

    private static boolean isDp(FieldTags tags) {
        return tags.dpRange().isPresent() && !tags.isPii() && !tags.freeText();
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
            return new DpStep(field.pos(), outPosition, type.getType(), null);
        }
        FieldTags.DpRange range = tags.dpRange().orElseThrow();
        try {
            FieldNoiser noiser = new FieldNoiser(new DpBounds(range.min(), range.max()), mechanism(dp),
                    dp.epsilonPerEvent() / dpFieldsInFamily, dp.delta() / dpFieldsInFamily, dp.clampOutput(),
                    noiseBits);
            return new DpStep(field.pos(), outPosition, type.getType(), noiser);
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

    /** The audit class of each raw field that the audit reports: PII class, {@code FREE_TEXT} or {@code DP}. */
    private static Map<String, String> auditClasses(EventFamily family) {
        Map<String, String> classes = new LinkedHashMap<>();
        for (Schema.Field field : family.rawSchema().getFields()) {
            FieldTags tags = family.tags(field.name());
            if (isDp(tags)) {
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
            Pseudonymizer pseudonymizer) {
        return switch (policy.freeText().mode()) {
            case SCRUB -> ScrubbingTreatment.create(policy, family, pseudonymizer);
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
