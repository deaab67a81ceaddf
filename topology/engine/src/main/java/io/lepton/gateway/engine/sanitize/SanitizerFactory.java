package io.lepton.gateway.engine.sanitize;

import io.lepton.gateway.engine.action.FieldAction;
import io.lepton.gateway.engine.action.FieldActions;
import io.lepton.gateway.engine.action.KeepAction;
import io.lepton.gateway.engine.crypto.HmacKeyRing;
import io.lepton.gateway.engine.crypto.Pseudonymizer;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.family.FieldTags;
import io.lepton.gateway.engine.policy.FreeTextSettings;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicyException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

/**
 * Plans a {@link RecordSanitizer} for a (policy, family) pair: picks each field's action, derives the sanitized
 * schema from the raw schema and the policy (dropped fields gone, pseudonymized fields strings, generalized fields
 * their generalized type), and fails start-up with a policy error when an action cannot apply.
 */
public final class SanitizerFactory {

    private final HmacKeyRing keys;

    public SanitizerFactory(HmacKeyRing keys) {
        this.keys = keys;
    }

    public RecordSanitizer create(JurisdictionPolicy policy, EventFamily family) {
        Pseudonymizer pseudonymizer = pseudonymizer(policy);
        FreeTextTreatment textTreatment = textTreatment(policy, family, pseudonymizer);
        List<Schema.Field> outFields = new ArrayList<>();
        List<RecordSanitizer.Step> steps = new ArrayList<>();
        Map<String, String> actionsByField = new LinkedHashMap<>();
        for (Schema.Field field : family.rawSchema().getFields()) {
            FieldTags tags = family.tags(field.name());
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
        return new RecordSanitizer(policy, family, output, steps, pseudonymizer, actionsByField);
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
