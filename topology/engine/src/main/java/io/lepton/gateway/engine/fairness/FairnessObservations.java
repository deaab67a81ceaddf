package io.lepton.gateway.engine.fairness;

import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.family.FieldTags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads, from the schema tags of one event family, what each raw event contributes to which fairness group, so the
 * topology only stores and evaluates and a new tagged field needs no code change.
 *
 * <p>Tags (field properties of the raw schema):
 * <ul>
 *   <li>{@code "protected": true}: a protected attribute whose value is the group. A field with {@code "pii": "AGE"}
 *       is grouped by {@link AgeBands#DECADES} under the attribute {@value #AGE_BAND} (or {@code <field>Band} when a
 *       family has several age fields); a missing value is the group {@value AgeBands#UNKNOWN}.</li>
 *   <li>{@code "fairness": "decision"}: the decision compared across groups. A boolean field is the decision itself;
 *       an enum or string field is positive when its value is listed in {@code "fairnessPositive": [...]} (for
 *       recommendation: {@code action} CLICK or PURCHASE, i.e. click-through).</li>
 *   <li>{@code "fairness": "label"} or {@code "outcome"}: the ground truth y for equal opportunity and equalized
 *       odds (a {@code label} field wins when a family has both). Customer-service's {@code resolved} is such an
 *       outcome: the TPR and FPR gaps then compare escalation rates among resolved and among unresolved cases.</li>
 *   <li>{@code "fairness": "exposureGroup"}, {@code "rank"}, {@code "relevance"}: a ranking impression of an item
 *       of a provider group (all three or none).</li>
 * </ul>
 * Every decision-carrying event yields one {@link FairnessObservation.Decision} per protected attribute; every
 * event with an exposure group, a rank ≥ 1 and a finite non-negative relevance yields one
 * {@link FairnessObservation.Impression}. Instances are immutable and thread-safe.
 */
public final class FairnessObservations {

    /** The attribute name of a family's age field, grouped into age bands. */
    public static final String AGE_BAND = "ageBand";

    private static final Set<String> ROLES = Set.of("decision", "outcome", "label", "exposureGroup", "rank",
            "relevance");

    private final List<ProtectedField> protectedFields;
    private final String decisionField;
    private final Set<String> positiveValues;
    private final String labelField;
    private final String exposureGroupField;
    private final String rankField;
    private final String relevanceField;

    private record ProtectedField(String field, String attribute, boolean age) {
    }

    private FairnessObservations(List<ProtectedField> protectedFields, String decisionField,
                                 Set<String> positiveValues, String labelField, String exposureGroupField,
                                 String rankField, String relevanceField) {
        this.protectedFields = List.copyOf(protectedFields);
        this.decisionField = decisionField;
        this.positiveValues = positiveValues;
        this.labelField = labelField;
        this.exposureGroupField = exposureGroupField;
        this.rankField = rankField;
        this.relevanceField = relevanceField;
    }

    /**
     * Reads the fairness tags of {@code family}.
     *
     * @throws IllegalArgumentException when the tags are inconsistent (an unknown role, a role on two fields, a
     *     non-boolean decision without {@code fairnessPositive}, an incomplete exposure triple): a schema bug that
     *     must stop start-up
     */
    public static FairnessObservations of(EventFamily family) {
        Schema schema = family.rawSchema();
        List<Schema.Field> ageFields = new ArrayList<>();
        List<ProtectedField> protectedFields = new ArrayList<>();
        Map<String, String> byRole = new HashMap<>();
        for (Schema.Field field : schema.getFields()) {
            FieldTags tags = family.tags(field.name());
            if (tags.isProtected() && "AGE".equals(tags.piiClass())) {
                ageFields.add(field);
            } else if (tags.isProtected()) {
                protectedFields.add(new ProtectedField(field.name(), field.name(), false));
            }
            String role = tags.fairnessRole();
            if (role != null) {
                if (!ROLES.contains(role)) {
                    throw invalid(family, field.name(), "unknown \"fairness\" role '" + role + "', use one of "
                            + new TreeSet<>(ROLES));
                }
                String previous = byRole.putIfAbsent(role, field.name());
                if (previous != null) {
                    throw invalid(family, field.name(), "\"fairness\": \"" + role + "\" is also on " + previous);
                }
            }
        }
        for (Schema.Field age : ageFields) {
            String attribute = ageFields.size() == 1 ? AGE_BAND : age.name() + "Band";
            protectedFields.add(new ProtectedField(age.name(), attribute, true));
        }
        String decision = byRole.get("decision");
        Set<String> positive = decision == null ? Set.of() : positiveValues(family, schema.getField(decision));
        String label = byRole.getOrDefault("label", byRole.get("outcome"));
        String group = byRole.get("exposureGroup");
        String rank = byRole.get("rank");
        String relevance = byRole.get("relevance");
        if ((group == null) != (rank == null) || (group == null) != (relevance == null)) {
            throw invalid(family, group != null ? group : rank != null ? rank : relevance,
                    "exposure needs all three of \"fairness\": \"exposureGroup\", \"rank\" and \"relevance\"");
        }
        return new FairnessObservations(protectedFields, decision, positive, label, group, rank, relevance);
    }

    private static Set<String> positiveValues(EventFamily family, Schema.Field field) {
        Schema type = nonNull(field.schema());
        Object listed = field.getObjectProp("fairnessPositive");
        if (type.getType() == Schema.Type.BOOLEAN) {
            if (listed != null) {
                throw invalid(family, field.name(), "\"fairnessPositive\" is only for enum or string decisions");
            }
            return Set.of();
        }
        if (!(listed instanceof Collection<?> values) || values.isEmpty()) {
            throw invalid(family, field.name(), "a non-boolean decision needs \"fairnessPositive\": [values]");
        }
        return values.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElse(schema);
    }

    private static IllegalArgumentException invalid(EventFamily family, String field, String problem) {
        return new IllegalArgumentException("family " + family.name() + ", field " + field + ": " + problem);
    }

    /** The attributes decisions are grouped by; empty when the family has no decision field. */
    public List<String> decisionAttributes() {
        return decisionField == null ? List.of() : protectedFields.stream().map(ProtectedField::attribute).toList();
    }

    /**
     * The attribute ranking impressions are grouped by (the exposure-group field's name, e.g. {@code providerGroup}),
     * or empty when the family has no exposure tags.
     */
    public Optional<String> exposureAttribute() {
        return Optional.ofNullable(exposureGroupField);
    }

    /** Whether decisions carry an outcome label (only then is equal opportunity measurable). */
    public boolean labelled() {
        return labelField != null;
    }

    /** What {@code event} (a decoded raw event of this family) contributes, one observation per attribute. */
    public List<FairnessObservation> observe(GenericRecord event) {
        List<FairnessObservation> observations = new ArrayList<>(protectedFields.size() + 1);
        Boolean decision = decision(event);
        if (decision != null) {
            Boolean label = labelField == null ? null : asBoolean(event.get(labelField));
            for (ProtectedField field : protectedFields) {
                observations.add(new FairnessObservation.Decision(field.attribute(), group(event, field), decision,
                        label));
            }
        }
        if (exposureGroupField != null) {
            impression(event).ifPresent(observations::add);
        }
        return observations;
    }

    private Boolean decision(GenericRecord event) {
        if (decisionField == null) {
            return null;
        }
        Object value = event.get(decisionField);
        if (value == null) {
            return null;
        }
        return positiveValues.isEmpty() ? asBoolean(value) : Boolean.valueOf(positiveValues.contains(value.toString()));
    }

    private static Boolean asBoolean(Object value) {
        return value instanceof Boolean b ? b : null;
    }

    private static String group(GenericRecord event, ProtectedField field) {
        Object value = event.get(field.field());
        if (field.age()) {
            return AgeBands.DECADES.band(value instanceof Number n ? Integer.valueOf(n.intValue()) : null);
        }
        String text = value == null ? "" : value.toString().strip();
        return text.isEmpty() ? AgeBands.UNKNOWN : text;
    }

    private Optional<FairnessObservation> impression(GenericRecord event) {
        Object group = event.get(exposureGroupField);
        Object rank = event.get(rankField);
        Object relevance = event.get(relevanceField);
        if (group == null || !(rank instanceof Number r) || !(relevance instanceof Number u)) {
            return Optional.empty();
        }
        double score = u.doubleValue();
        if (r.intValue() < 1 || !Double.isFinite(score) || score < 0) {
            return Optional.empty();
        }
        String text = group.toString().strip();
        return Optional.of(new FairnessObservation.Impression(exposureGroupField,
                text.isEmpty() ? AgeBands.UNKNOWN : text, r.intValue(), score));
    }
}
