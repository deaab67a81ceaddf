package io.lepton.gateway.engine.aggregate;

import io.lepton.gateway.engine.dp.DpBounds;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.family.FieldTags;
import io.lepton.gateway.engine.policy.AggregateSpec;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.MetricSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * One declared aggregate bound to its family's schema: which fields form the group, which bounded fields carry
 * values, the calibrated noise of every component, and the extraction of an event's {@link Contribution}.
 *
 * <p>Binding refuses, with the declaration's file and line, what would be unsafe or meaningless: a group-by field
 * that is personal data, free text or the subject (a group key crosses borders in clear), a summed field without
 * {@code dp} bounds (no bound, no sensitivity) and optional fields (a missing value has no bounded meaning).
 */
public final class AggregateQuery {

    private final String jurisdiction;
    private final String policyVersion;
    private final int index;
    private final AggregateSpec spec;
    private final int maxWindowsPerPeriod;
    private final long periodMillis;
    private final int[] groupPositions;
    private final List<String> valueFields;
    private final int[] valuePositions;
    private final List<ValueGrid> grids;
    private final int subjectPosition;
    private final int eventIdPosition;
    private final ComponentNoise noise;

    private AggregateQuery(JurisdictionPolicy policy, int index, AggregateSpec spec, EventFamily family) {
        this.jurisdiction = policy.id();
        this.policyVersion = policy.version();
        this.index = index;
        this.spec = spec;
        this.maxWindowsPerPeriod = policy.aggregates().maxWindowsPerPeriod();
        this.periodMillis = policy.dp().budgetPeriod().toMillis();
        Schema schema = family.rawSchema();
        this.groupPositions = new int[spec.groupBy().size()];
        for (int i = 0; i < groupPositions.length; i++) {
            groupPositions[i] = groupField(spec, family, schema, spec.groupBy().get(i)).pos();
        }
        List<String> fields = new ArrayList<>();
        for (MetricSpec metric : spec.metrics()) {
            if (metric.field() != null && !fields.contains(metric.field())) {
                fields.add(metric.field());
            }
        }
        this.valueFields = List.copyOf(fields);
        this.valuePositions = new int[fields.size()];
        List<ValueGrid> valueGrids = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Schema.Field field = valueField(spec, family, schema, fields.get(i));
            valuePositions[i] = field.pos();
            valueGrids.add(new ValueGrid(bounds(family, field)));
        }
        this.grids = List.copyOf(valueGrids);
        this.subjectPosition = schema.getField(family.subjectField()).pos();
        this.eventIdPosition = schema.getField("eventId").pos();
        this.noise = ComponentNoise.calibrate(spec, valueFields, grids);
    }

    /** Binds every aggregate {@code policy} declares for {@code family}, in declaration order. */
    public static List<AggregateQuery> bindAll(JurisdictionPolicy policy, EventFamily family) {
        List<AggregateSpec> specs = policy.aggregates().forFamily(family.name());
        List<AggregateQuery> queries = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            queries.add(new AggregateQuery(policy, i, specs.get(i), family));
        }
        return List.copyOf(queries);
    }

    private static Schema.Field groupField(AggregateSpec spec, EventFamily family, Schema schema, String name) {
        Schema.Field field = schema.getField(name);
        if (field == null) {
            throw spec.source().error("group-by field '" + name + "' does not exist in family " + family.name(),
                    "use a field of " + schema.getFullName());
        }
        FieldTags tags = family.tags(name);
        if (tags.subject() || tags.isPii() || tags.freeText()) {
            throw spec.source().error("group-by field '" + name + "' is personal data or free text, and group keys"
                    + " are released in clear", "group by a categorical, non-personal field such as intent");
        }
        return field;
    }

    private static Schema.Field valueField(AggregateSpec spec, EventFamily family, Schema schema, String name) {
        Schema.Field field = schema.getField(name);
        if (field == null) {
            throw spec.source().error("field '" + name + "' does not exist in family " + family.name(),
                    "use a dp-bounded or boolean field of " + schema.getFullName());
        }
        Schema.Type type = field.schema().getType();
        boolean numeric = type == Schema.Type.INT || type == Schema.Type.LONG || type == Schema.Type.FLOAT
                || type == Schema.Type.DOUBLE;
        if (type == Schema.Type.BOOLEAN) {
            return field;
        }
        if (!numeric) {
            throw spec.source().error("field '" + name + "' is not a required number or boolean",
                    "aggregate a non-optional numeric field with \"dp\" bounds, or a boolean");
        }
        if (family.tags(name).dpRange().isEmpty()) {
            throw spec.source().error("field '" + name + "' has no \"dp\" bounds in the schema, so one event's"
                    + " influence on a sum is unbounded", "tag the field with \"dp\": {\"min\": .., \"max\": ..}");
        }
        return field;
    }

    private static DpBounds bounds(EventFamily family, Schema.Field field) {
        if (field.schema().getType() == Schema.Type.BOOLEAN) {
            return new DpBounds(0, 1);
        }
        FieldTags.DpRange range = family.tags(field.name()).dpRange().orElseThrow();
        return new DpBounds(range.min(), range.max());
    }

    /**
     * The contribution of {@code event} (an event of this family, at {@code eventTime}), or empty when it has no
     * subject. {@code keys} derives the subject token and the event rank, so neither reveals the id without the key.
     */
    public Optional<Contribution> contribution(GenericRecord event, long eventTime, NoiseSource keys) {
        Object subject = event.get(subjectPosition);
        if (subject == null || subject.toString().isBlank()) {
            return Optional.empty();
        }
        String token = subjectToken(keys, subject.toString());
        List<String> groupValues = new ArrayList<>(groupPositions.length);
        for (int position : groupPositions) {
            groupValues.add(String.valueOf(event.get(position)));
        }
        long[] values = new long[valuePositions.length];
        for (int i = 0; i < values.length; i++) {
            Object value = event.get(valuePositions[i]);
            double number = value instanceof Boolean flag ? (flag ? 1 : 0) : ((Number) value).doubleValue();
            values[i] = grids.get(i).units(number);
        }
        Object eventId = event.get(eventIdPosition);
        long eventRank = keys.bits(jurisdiction, 0, token, "rank/event/" + spec.family() + "/" + eventId).nextLong();
        return Optional.of(new Contribution(index, token, GroupKey.encode(spec.groupBy(), groupValues), eventRank,
                eventTime, values));
    }

    /** A 128-bit keyed token of the subject id: stable per key, irreversible without it. */
    String subjectToken(NoiseSource keys, String subject) {
        var bits = keys.bits(jurisdiction, 0, "", "subject/" + spec.family() + "/" + subject);
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(bits.nextLong()) + hex.toHexDigits(bits.nextLong());
    }

    /** The keyed rank of a group for a subject in a window: the L0 sample keeps the smallest. */
    long groupRank(NoiseSource keys, String subjectToken, long windowStart, String group) {
        return keys.bits(jurisdiction, windowStart, group, "rank/group/" + name() + "/" + subjectToken).nextLong();
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    public String policyVersion() {
        return policyVersion;
    }

    public int index() {
        return index;
    }

    public AggregateSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public String family() {
        return spec.family();
    }

    public int maxWindowsPerPeriod() {
        return maxWindowsPerPeriod;
    }

    public long periodMillis() {
        return periodMillis;
    }

    public long windowMillis() {
        return spec.windowSize().toMillis();
    }

    public long graceMillis() {
        return spec.grace().toMillis();
    }

    /** Start of the epoch-aligned window containing {@code eventTime}. */
    public long windowStart(long eventTime) {
        return Math.floorDiv(eventTime, windowMillis()) * windowMillis();
    }

    /** The fields whose values a contribution carries, in order. */
    public List<String> valueFields() {
        return valueFields;
    }

    ValueGrid grid(int valueIndex) {
        return grids.get(valueIndex);
    }

    ValueGrid grid(String field) {
        return grids.get(valueFields.indexOf(field));
    }

    ComponentNoise noise() {
        return noise;
    }

    /** The key-selection rule of this aggregate's releases. */
    public KeySelection keySelection() {
        return noise.keySelection();
    }

    /** ε a subject can lose through one window of this aggregate (Gaussian: at the key-selection δ). */
    public double epsilonPerWindow() {
        return noise.epsilon();
    }

    /** δ of one window's release: key selection (plus the zCDP conversion's δ for Gaussian). */
    public double deltaPerWindow() {
        return noise.delta();
    }

    Duration window() {
        return spec.windowSize();
    }
}
