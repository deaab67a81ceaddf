package io.lepton.gateway.engine.policy;

import io.lepton.gateway.engine.text.TextPiiType;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates one policy file into a {@link JurisdictionPolicy}; every rejection names file, line, field
 * and fix.
 *
 * <p>Unknown keys are errors, not ignored, because a misspelt key silently falling back to a default is exactly the
 * kind of mistake that lets personal data through.
 */
final class PolicyParser {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,40}");
    private static final Pattern SUBDIVISION = Pattern.compile("([A-Z]{2})-[A-Z0-9]{1,3}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> TOP_LEVEL = Set.of("jurisdiction", "name", "version", "regions",
            "residencyZone", "crossBorder", "pseudonymKeyId", "subjectIdentity", "actions", "defaultAction",
            "freeText", "dp", "fairness", "aggregates");

    private final Set<String> knownPiiClasses;

    PolicyParser(Set<String> knownPiiClasses) {
        this.knownPiiClasses = Set.copyOf(knownPiiClasses);
    }

    JurisdictionPolicy parse(String file, String yaml) {
        YamlNode root = YamlNode.parse(file, yaml);
        root.entries();
        root.allowOnly(TOP_LEVEL);
        YamlNode idNode = root.required("jurisdiction", "add 'jurisdiction: <id>' (e.g. eu-gdpr)");
        String id = idNode.text();
        if (!ID.matcher(id).matches()) {
            throw idNode.error("'" + id + "' is not a valid jurisdiction id",
                    "use lower-case letters, digits and '-', e.g. eu-gdpr (it becomes part of topic names)");
        }
        String expectedFile = id + ".yaml";
        if (!file.endsWith(expectedFile) && !file.endsWith(id + ".yml")) {
            throw idNode.error("jurisdiction '" + id + "' is in a file not named " + expectedFile,
                    "rename the file to " + expectedFile + " so each jurisdiction has exactly one file");
        }
        Map<String, ActionSpec> actions = new LinkedHashMap<>();
        YamlNode actionsNode = root.required("actions", "add an 'actions:' mapping from PII class to action");
        for (Map.Entry<String, YamlNode> entry : actionsNode.entries().entrySet()) {
            String piiClass = entry.getKey();
            if (!knownPiiClasses.contains(piiClass)) {
                throw entry.getValue().error("unknown PII class '" + piiClass + "'",
                        "use one of " + String.join(", ", new java.util.TreeSet<>(knownPiiClasses)));
            }
            actions.put(piiClass, action(entry.getValue(), piiClass));
        }
        ActionSpec defaultAction = root.optional("defaultAction").map(n -> action(n, null))
                .orElse(new ActionSpec.Drop());
        DpSettings dp = dp(root.required("dp", "add a 'dp:' section (see policies/default.yaml)"));
        return new JurisdictionPolicy(
                id,
                root.required("name", "add 'name: <the law's name>'").text(),
                root.required("version", "add 'version: <date or number>'; it names this edition for people")
                        .text(),
                regions(root, id),
                root.required("residencyZone", "add 'residencyZone: <zone>' (e.g. eu)").text(),
                crossBorder(root.required("crossBorder", "add 'crossBorder: none' or 'crossBorder: aggregates-only'")),
                keyId(root),
                subjectIdentity(root.optional("subjectIdentity").orElse(null)),
                actions,
                defaultAction,
                freeText(root.optional("freeText").orElse(null)),
                dp,
                fairness(root.required("fairness", "add a 'fairness:' section (see policies/default.yaml)")),
                file,
                AggregatesParser.parse(root.optional("aggregates").orElse(null), dp.budgetPeriod()),
                PolicyVersion.ofFile(yaml));
    }

    private static Set<String> regions(YamlNode root, String id) {
        YamlNode node = root.required("regions", "add 'regions: [..]' with ISO 3166 codes");
        Set<String> regions = new LinkedHashSet<>();
        for (YamlNode item : node.items()) {
            String region = item.text().toUpperCase(Locale.ROOT);
            if (region.equals("*")) {
                if (!JurisdictionPolicy.DEFAULT_ID.equals(id)) {
                    throw item.error("only the 'default' policy may claim '*'", "list ISO codes instead");
                }
            } else if (!isValidRegion(region)) {
                throw item.error("'" + region + "' is not an ISO 3166-1 alpha-2 country or ISO 3166-2 subdivision",
                        "use a code such as DE or US-CA");
            }
            if (!regions.add(region)) {
                throw item.error("region " + region + " is listed twice", "remove the duplicate");
            }
        }
        if (regions.isEmpty()) {
            throw node.error("no regions", "list at least one region (the default policy lists '*')");
        }
        return regions;
    }

    static boolean isValidRegion(String region) {
        if (COUNTRIES.contains(region)) {
            return true;
        }
        var matcher = SUBDIVISION.matcher(region);
        return matcher.matches() && COUNTRIES.contains(matcher.group(1));
    }

    private static CrossBorderRule crossBorder(YamlNode node) {
        for (CrossBorderRule rule : CrossBorderRule.values()) {
            if (rule.yamlName().equals(node.text())) {
                return rule;
            }
        }
        throw node.error("unknown cross-border rule '" + node.text() + "'", "use 'none' or 'aggregates-only'");
    }

    private static String keyId(YamlNode root) {
        YamlNode node = root.required("pseudonymKeyId",
                "add 'pseudonymKeyId: <key id>' naming the HMAC key provided through the environment");
        if (!ID.matcher(node.text()).matches()) {
            throw node.error("'" + node.text() + "' is not a valid key id", "use lower-case letters, digits and '-'");
        }
        return node.text();
    }

    private static SubjectIdentity subjectIdentity(YamlNode node) {
        if (node == null) {
            return SubjectIdentity.CASE_SENSITIVE;
        }
        node.allowOnly(Set.of("caseFold"));
        return new SubjectIdentity(node.optional("caseFold").map(YamlNode::asBoolean).orElse(false));
    }

    private ActionSpec action(YamlNode node, String piiClass) {
        YamlNode nameNode = node;
        Map<String, YamlNode> params = Map.of();
        if (node.isMapping()) {
            nameNode = node.required("action", "add 'action: <drop|redact|mask|hmac|generalize|keep>'");
            params = new LinkedHashMap<>(node.entries());
            params.remove("action");
        }
        String name = nameNode.text();
        ActionSpec spec = switch (name) {
            case "keep" -> new ActionSpec.Keep();
            case "drop" -> new ActionSpec.Drop();
            case "hmac" -> new ActionSpec.Hmac();
            case "redact" -> new ActionSpec.Redact(params.containsKey("placeholder")
                    ? params.get("placeholder").text() : null);
            case "mask" -> new ActionSpec.Mask(
                    params.containsKey("keepLast") ? params.get("keepLast").asInt(0, 8) : 4,
                    params.containsKey("maskChar") ? maskChar(params.get("maskChar")) : '*');
            case "generalize" -> generalize(node, piiClass, params);
            default -> throw nameNode.error("unknown action '" + name + "'",
                    "use one of drop, redact, mask, hmac, generalize, keep");
        };
        Set<String> allowed = switch (name) {
            case "redact" -> Set.of("placeholder");
            case "mask" -> Set.of("keepLast", "maskChar");
            case "generalize" -> Set.of("bandWidth", "ipv4PrefixBits", "ipv6PrefixBits", "decimals", "unit");
            default -> Set.of();
        };
        for (Map.Entry<String, YamlNode> param : params.entrySet()) {
            if (!allowed.contains(param.getKey())) {
                throw param.getValue().error("'" + name + "' takes no parameter '" + param.getKey() + "'",
                        allowed.isEmpty() ? "remove it" : "use " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
        return spec;
    }

    private static char maskChar(YamlNode node) {
        String text = node.text();
        if (text.length() != 1 || Character.isLetterOrDigit(text.charAt(0))) {
            throw node.error("maskChar must be one non-alphanumeric character", "use a symbol such as '*' or '#'");
        }
        return text.charAt(0);
    }

    private static ActionSpec generalize(YamlNode node, String piiClass, Map<String, YamlNode> params) {
        if (params.containsKey("bandWidth") || (params.isEmpty() && "AGE".equals(piiClass))) {
            return new ActionSpec.AgeBand(params.containsKey("bandWidth")
                    ? params.get("bandWidth").asInt(1, 100) : 10);
        }
        if (params.containsKey("ipv4PrefixBits") || params.containsKey("ipv6PrefixBits")
                || (params.isEmpty() && "IP_ADDRESS".equals(piiClass))) {
            return new ActionSpec.IpPrefix(
                    params.containsKey("ipv4PrefixBits") ? params.get("ipv4PrefixBits").asInt(0, 32) : 24,
                    params.containsKey("ipv6PrefixBits") ? params.get("ipv6PrefixBits").asInt(0, 128) : 48);
        }
        if (params.containsKey("decimals") || (params.isEmpty()
                && ("LATITUDE".equals(piiClass) || "LONGITUDE".equals(piiClass)))) {
            return new ActionSpec.GeoGrid(params.containsKey("decimals") ? params.get("decimals").asInt(0, 6) : 1);
        }
        if (params.containsKey("unit")) {
            YamlNode unit = params.get("unit");
            return switch (unit.text()) {
                case "hour" -> new ActionSpec.TimeTruncate(ChronoUnit.HOURS);
                case "day" -> new ActionSpec.TimeTruncate(ChronoUnit.DAYS);
                default -> throw unit.error("unknown unit '" + unit.text() + "'", "use 'hour' or 'day'");
            };
        }
        throw node.error("generalize needs to know how", "add bandWidth (ages), ipv4PrefixBits/ipv6PrefixBits "
                + "(IP addresses), decimals (coordinates) or unit: hour|day (timestamps)");
    }

    private static FreeTextSettings freeText(YamlNode node) {
        if (node == null) {
            return new FreeTextSettings(FreeTextSettings.Mode.SCRUB, 20_000, FreeTextSettings.Oversize.TRUNCATE,
                    Set.of("ALL"));
        }
        node.allowOnly(Set.of("mode", "maxChars", "onOversize", "detectors"));
        FreeTextSettings.Mode mode = node.optional("mode").map(n -> enumValue(n, FreeTextSettings.Mode.class))
                .orElse(FreeTextSettings.Mode.SCRUB);
        int maxChars = node.optional("maxChars").map(n -> n.asInt(16, 10_000_000)).orElse(20_000);
        FreeTextSettings.Oversize oversize = node.optional("onOversize")
                .map(n -> enumValue(n, FreeTextSettings.Oversize.class)).orElse(FreeTextSettings.Oversize.TRUNCATE);
        Set<String> detectors = new LinkedHashSet<>();
        node.optional("detectors").ifPresentOrElse(
                n -> n.items().forEach(i -> detectors.add(detector(i))),
                () -> detectors.add("ALL"));
        return new FreeTextSettings(mode, maxChars, oversize, detectors);
    }

    private static String detector(YamlNode item) {
        String name = item.text().toUpperCase(Locale.ROOT);
        if (name.equals("ALL")) {
            return name;
        }
        for (TextPiiType type : TextPiiType.values()) {
            if (type.name().equals(name)) {
                return name;
            }
        }
        throw item.error("unknown detector '" + item.text() + "'", "use ALL or some of "
                + java.util.Arrays.toString(TextPiiType.values()));
    }

    private static DpSettings dp(YamlNode node) {
        node.allowOnly(Set.of("enabled", "mechanism", "epsilonPerEvent", "delta", "clampOutput", "budget", "derived"));
        boolean enabled = node.optional("enabled").map(YamlNode::asBoolean).orElse(true);
        YamlNode mechanismNode = node.required("mechanism", "add 'mechanism: laplace' or 'mechanism: gaussian'");
        String mechanism = mechanismNode.text();
        if (!mechanism.equals("laplace") && !mechanism.equals("gaussian")) {
            throw mechanismNode.error("unknown mechanism '" + mechanism + "'", "use laplace or gaussian");
        }
        double epsilon = node.required("epsilonPerEvent", "add 'epsilonPerEvent: <ε>' such as 0.5")
                .asDouble(1e-6, 20);
        double delta = node.optional("delta").map(n -> n.asDouble(0, 1e-3)).orElse(0.0);
        if (mechanism.equals("gaussian") && delta <= 0) {
            throw node.error("the gaussian mechanism needs delta > 0", "add 'delta: 1.0e-6' or use laplace");
        }
        if (mechanism.equals("laplace") && delta != 0) {
            throw node.error("the laplace mechanism is pure ε-DP and takes no delta", "remove delta");
        }
        YamlNode budget = node.required("budget", "add 'budget: {epsilon: 4, period: P1D, onExhausted: withhold}'");
        budget.allowOnly(Set.of("epsilon", "period", "onExhausted", "maxEventAge", "maxClockSkew"));
        YamlNode budgetEpsilonNode = budget.required("epsilon", "add the ε a subject may spend per period");
        double budgetEpsilon = budgetEpsilonNode.asDouble(1e-6, 1000);
        if (budgetEpsilon < epsilon) {
            throw budgetEpsilonNode.error("the budget (" + budgetEpsilon + ") is smaller than one event's ε ("
                    + epsilon + "): no event could ever be released", "raise budget.epsilon or lower epsilonPerEvent");
        }
        Duration period = budget.required("period", "add 'period: P1D'").asDuration();
        DpSettings.OnExhausted onExhausted = budget.optional("onExhausted")
                .map(n -> enumValue(n, DpSettings.OnExhausted.class)).orElse(DpSettings.OnExhausted.WITHHOLD);
        boolean clamp = node.optional("clampOutput").map(YamlNode::asBoolean).orElse(true);
        Duration maxEventAge = budget.optional("maxEventAge").map(YamlNode::asDuration)
                .orElse(DpSettings.DEFAULT_MAX_EVENT_AGE);
        Duration maxClockSkew = budget.optional("maxClockSkew").map(YamlNode::asDuration)
                .orElse(DpSettings.DEFAULT_MAX_CLOCK_SKEW);
        if (maxEventAge.plus(maxClockSkew).compareTo(period) > 0) {
            throw budget.error("maxEventAge + maxClockSkew (" + maxEventAge.plus(maxClockSkew) + ") is longer than the "
                    + "budget period (" + period + "), so a producer could date events into more than two periods",
                    "shorten maxEventAge or maxClockSkew, or lengthen the period");
        }
        DpSettings.Derived derived = node.optional("derived").map(n -> enumValue(n, DpSettings.Derived.class))
                .orElse(DpSettings.Derived.NOISE);
        return new DpSettings(enabled, mechanism, epsilon, delta, clamp, budgetEpsilon, period, onExhausted,
                maxEventAge, maxClockSkew, derived);
    }

    private static FairnessSettings fairness(YamlNode node) {
        node.allowOnly(Set.of("enabled", "window", "minSamplesPerGroup", "thresholds",
                "maxGroupsPerAttribute", "falseAlarmBudget", "referenceGroups"));
        YamlNode window = node.required("window", "add 'window: {size: PT1H, advance: PT15M, grace: PT5M}'");
        window.allowOnly(Set.of("size", "advance", "grace"));
        Duration size = window.required("size", "add 'size: PT1H'").asDuration();
        YamlNode advanceNode = window.required("advance", "add 'advance: PT15M'");
        Duration advance = advanceNode.asDuration();
        if (advance.compareTo(size) > 0) {
            throw advanceNode.error("advance is longer than the window size, so events would be missed",
                    "use an advance no longer than size");
        }
        Duration grace = window.optional("grace").map(YamlNode::asDuration).orElse(Duration.ofMinutes(5));
        YamlNode thresholds = node.required("thresholds", "add 'thresholds:' with disparateImpact etc.");
        thresholds.allowOnly(Set.of("disparateImpact", "parityDifference", "equalOpportunityDifference",
                "exposureRatio"));
        return new FairnessSettings(
                node.optional("enabled").map(YamlNode::asBoolean).orElse(true),
                size,
                advance,
                grace,
                node.optional("minSamplesPerGroup").map(n -> (long) n.asInt(1, 1_000_000)).orElse(100L),
                thresholds.optional("disparateImpact").map(n -> n.asDouble(0.01, 1)).orElse(0.8),
                thresholds.optional("parityDifference").map(n -> n.asDouble(0.001, 1)).orElse(0.1),
                thresholds.optional("equalOpportunityDifference").map(n -> n.asDouble(0.001, 1)).orElse(0.1),
                thresholds.optional("exposureRatio").map(n -> n.asDouble(0.01, 1)).orElse(0.8),
                node.optional("maxGroupsPerAttribute").map(n -> n.asInt(2, 1000)).orElse(20),
                node.optional("falseAlarmBudget").map(n -> falseAlarmBudget(n, size)).orElse(FalseAlarmBudget.DEFAULT),
                node.optional("referenceGroups").map(PolicyParser::referenceGroups).orElse(Map.of()));
    }

    /** {@code falseAlarmBudget: {alpha: 0.01, per: P30D}}: a period shorter than a window could never be spent. */
    private static FalseAlarmBudget falseAlarmBudget(YamlNode node, Duration windowSize) {
        node.allowOnly(Set.of("alpha", "per"));
        double alpha = node.required("alpha", "add 'alpha: 0.01' (probability of any false BREACH per period)")
                .asDouble(1e-9, 0.5);
        YamlNode perNode = node.required("per", "add 'per: P30D'");
        Duration per = perNode.asDuration();
        if (per.compareTo(windowSize) < 0) {
            throw perNode.error("the budget period " + per + " is shorter than the window " + windowSize,
                    "use a period of at least one window, e.g. 'per: P30D'");
        }
        return new FalseAlarmBudget(alpha, per);
    }

    /** {@code referenceGroups: {gender: M}}: the privileged group per attribute, as AIF360 declares it. */
    private static Map<String, String> referenceGroups(YamlNode node) {
        Map<String, String> groups = new LinkedHashMap<>();
        node.entries().forEach((attribute, group) -> {
            if (group.text().isBlank()) {
                throw group.error("empty reference group for attribute '" + attribute + "'",
                        "name the privileged group, e.g. '" + attribute + ": M'");
            }
            groups.put(attribute, group.text());
        });
        return groups;
    }

    private static <E extends Enum<E>> E enumValue(YamlNode node, Class<E> type) {
        String text = node.text().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        throw node.error("unknown value '" + node.text() + "'", "use one of " + allowed);
    }
}
