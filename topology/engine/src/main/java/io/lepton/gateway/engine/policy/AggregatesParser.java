package io.lepton.gateway.engine.policy;

import io.lepton.gateway.engine.dp.Mechanism;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses a policy's {@code aggregates:} section. Checks here need only the file; checks that need the family's
 * schema (does the field exist, is it bounded, is a group-by field personal data) happen when the aggregate is bound
 * to its family, and still name the declaration's file and line through {@link AggregateSpec.SourceLocation}.
 */
final class AggregatesParser {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,40}");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> SECTION = Set.of("maxWindowsPerPeriod", "families");
    private static final Set<String> AGGREGATE = Set.of("name", "groupBy", "window", "maxGroupsPerSubject",
            "maxContributionsPerGroup", "mechanism", "epsilon", "rho", "delta", "metrics");
    private static final Set<String> METRIC = Set.of("name", "metric", "field", "quantiles");

    private AggregatesParser() {
    }

    static AggregateSettings parse(YamlNode node, Duration budgetPeriod) {
        if (node == null) {
            return AggregateSettings.none();
        }
        node.allowOnly(SECTION);
        int maxWindows = node.required("maxWindowsPerPeriod",
                "add 'maxWindowsPerPeriod: <n>', the windows of one aggregate a subject may join per budget period")
                .asInt(1, 100_000);
        Map<String, List<AggregateSpec>> byFamily = new LinkedHashMap<>();
        YamlNode families = node.required("families", "add 'families:' mapping each family to its aggregates");
        for (Map.Entry<String, YamlNode> entry : families.entries().entrySet()) {
            String family = entry.getKey();
            if (!ID.matcher(family).matches()) {
                throw entry.getValue().error("'" + family + "' is not a family name",
                        "use the family's name, e.g. customer-service");
            }
            List<AggregateSpec> specs = new ArrayList<>();
            Set<String> names = new LinkedHashSet<>();
            for (YamlNode item : entry.getValue().items()) {
                AggregateSpec spec = aggregate(item, family, budgetPeriod);
                if (!names.add(spec.name())) {
                    throw item.error("aggregate '" + spec.name() + "' is declared twice in " + family,
                            "give each aggregate of a family its own name");
                }
                specs.add(spec);
            }
            byFamily.put(family, specs);
        }
        return new AggregateSettings(maxWindows, byFamily);
    }

    private static AggregateSpec aggregate(YamlNode node, String family, Duration budgetPeriod) {
        node.allowOnly(AGGREGATE);
        YamlNode nameNode = node.required("name", "add 'name: <id>' such as by-intent");
        if (!ID.matcher(nameNode.text()).matches()) {
            throw nameNode.error("'" + nameNode.text() + "' is not a valid aggregate name",
                    "use lower-case letters, digits and '-'");
        }
        List<String> groupBy = new ArrayList<>();
        for (YamlNode field : node.required("groupBy", "add 'groupBy: [field, ..]' ([] for one group per window)")
                .items()) {
            groupBy.add(fieldName(field));
            if (groupBy.indexOf(field.text()) != groupBy.size() - 1) {
                throw field.error("group-by field '" + field.text() + "' is listed twice", "remove the duplicate");
            }
        }
        YamlNode window = node.required("window", "add 'window: {size: PT1H, grace: PT5M}'");
        window.allowOnly(Set.of("size", "grace"));
        YamlNode sizeNode = window.required("size", "add 'size: PT1H'");
        Duration size = sizeNode.asDuration();
        if (size.compareTo(budgetPeriod) > 0 || budgetPeriod.toMillis() % size.toMillis() != 0) {
            throw sizeNode.error("window size " + size + " does not divide the budget period " + budgetPeriod,
                    "use a window size that divides dp.budget.period (e.g. PT1H for P1D), so each window lies in one"
                            + " period");
        }
        Duration grace = window.optional("grace").map(YamlNode::asDuration).orElse(Duration.ofMinutes(5));
        int l0 = node.required("maxGroupsPerSubject", "add 'maxGroupsPerSubject: <L0>' (e.g. 1)").asInt(1, 1000);
        int lInf = node.required("maxContributionsPerGroup", "add 'maxContributionsPerGroup: <L∞>' (e.g. 5)")
                .asInt(1, 10_000);
        YamlNode mechanismNode = node.required("mechanism", "add 'mechanism: laplace' or 'mechanism: gaussian'");
        Mechanism mechanism = switch (mechanismNode.text()) {
            case "laplace" -> Mechanism.LAPLACE;
            case "gaussian" -> Mechanism.GAUSSIAN;
            default -> throw mechanismNode.error("unknown mechanism '" + mechanismNode.text() + "'",
                    "use laplace or gaussian");
        };
        double epsilon = 0;
        double rho = 0;
        if (mechanism == Mechanism.LAPLACE) {
            if (node.optional("rho").isPresent()) {
                throw node.required("rho", null).error("laplace noise is accounted in ε, not ρ",
                        "replace rho by 'epsilon: <ε>' or use mechanism: gaussian");
            }
            epsilon = node.required("epsilon", "add 'epsilon: <ε per window release>' such as 1.0").asDouble(1e-3, 20);
        } else {
            if (node.optional("epsilon").isPresent()) {
                throw node.required("epsilon", null).error("gaussian noise is accounted in zCDP (ρ), not ε",
                        "replace epsilon by 'rho: <ρ per window release>' such as 0.1");
            }
            rho = node.required("rho", "add 'rho: <ρ per window release>' such as 0.1").asDouble(1e-4, 10);
        }
        double delta = node.required("delta", "add 'delta: 1.0e-6', the key-selection δ").asDouble(1e-15, 1e-3);
        List<MetricSpec> metrics = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        YamlNode metricsNode = node.required("metrics", "add 'metrics:' with at least one {name, metric} entry");
        for (YamlNode item : metricsNode.items()) {
            MetricSpec metric = metric(item);
            if (!names.add(metric.name())) {
                throw item.error("metric '" + metric.name() + "' is declared twice", "give each metric its own name");
            }
            metrics.add(metric);
        }
        if (metrics.isEmpty()) {
            throw metricsNode.error("no metrics", "list at least one metric");
        }
        return new AggregateSpec(nameNode.text(), family, groupBy, size, grace, l0, lInf, mechanism, epsilon, rho,
                delta, metrics, new AggregateSpec.SourceLocation(node.file(), node.line(), node.path()));
    }

    private static MetricSpec metric(YamlNode node) {
        node.allowOnly(METRIC);
        YamlNode nameNode = node.required("name", "add 'name: <id>' such as messages");
        if (!ID.matcher(nameNode.text()).matches()) {
            throw nameNode.error("'" + nameNode.text() + "' is not a valid metric name",
                    "use lower-case letters, digits and '-'");
        }
        YamlNode kindNode = node.required("metric", "add 'metric: count|subjects|sum|mean|quantiles'");
        MetricSpec.Kind kind = switch (kindNode.text()) {
            case "count" -> MetricSpec.Kind.COUNT;
            case "subjects" -> MetricSpec.Kind.SUBJECTS;
            case "sum" -> MetricSpec.Kind.SUM;
            case "mean" -> MetricSpec.Kind.MEAN;
            case "quantiles" -> MetricSpec.Kind.QUANTILES;
            default -> throw kindNode.error("unknown metric '" + kindNode.text() + "'",
                    "use count, subjects, sum, mean or quantiles");
        };
        boolean needsField = kind == MetricSpec.Kind.SUM || kind == MetricSpec.Kind.MEAN
                || kind == MetricSpec.Kind.QUANTILES;
        String field = null;
        if (needsField) {
            field = fieldName(node.required("field", "add 'field: <a dp-bounded or boolean field>'"));
        } else if (node.optional("field").isPresent()) {
            throw node.required("field", null).error(kindNode.text() + " takes no field", "remove 'field'");
        }
        List<Double> quantiles = new ArrayList<>();
        if (kind == MetricSpec.Kind.QUANTILES) {
            for (YamlNode q : node.required("quantiles", "add 'quantiles: [0.5, 0.9]'").items()) {
                double rank = q.asDouble(0, 1);
                if (rank <= 0 || rank >= 1) {
                    throw q.error("a quantile rank must be strictly between 0 and 1", "use e.g. 0.5 for the median");
                }
                quantiles.add(rank);
            }
        } else if (node.optional("quantiles").isPresent()) {
            throw node.required("quantiles", null).error("only 'metric: quantiles' takes quantiles",
                    "remove 'quantiles'");
        }
        return new MetricSpec(nameNode.text(), kind, field, quantiles);
    }

    private static String fieldName(YamlNode node) {
        String name = node.text();
        if (!FIELD.matcher(name).matches()) {
            throw node.error("'" + name + "' is not a field name", "use the Avro field name, e.g. intent");
        }
        return name;
    }
}
