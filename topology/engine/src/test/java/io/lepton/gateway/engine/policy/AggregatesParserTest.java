package io.lepton.gateway.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.TestEngines;
import io.lepton.gateway.engine.dp.Mechanism;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AggregatesParserTest {

    private static final PolicyParser PARSER = new PolicyParser(PiiCatalog.knownClasses(TestEngines.FAMILIES));

    @Test
    void theBuiltInEuSectionParsesToItsDeclaredValues() {
        JurisdictionPolicy eu = TestEngines.POLICIES.byId("eu-gdpr").orElseThrow();
        AggregateSettings aggregates = eu.aggregates();
        assertThat(aggregates.maxWindowsPerPeriod()).isEqualTo(4);
        assertThat(aggregates.byFamily()).containsOnlyKeys("customer-service", "recommendation",
                "financial-sentiment");
        AggregateSpec byIntent = aggregates.forFamily("customer-service").get(0);
        assertThat(byIntent.name()).isEqualTo("by-intent");
        assertThat(byIntent.groupBy()).containsExactly("intent");
        assertThat(byIntent.windowSize()).isEqualTo(Duration.ofHours(1));
        assertThat(byIntent.grace()).isEqualTo(Duration.ofMinutes(5));
        assertThat(byIntent.maxGroupsPerSubject()).isEqualTo(1);
        assertThat(byIntent.maxContributionsPerGroup()).isEqualTo(5);
        assertThat(byIntent.mechanism()).isEqualTo(Mechanism.LAPLACE);
        assertThat(byIntent.epsilon()).isEqualTo(1.0);
        assertThat(byIntent.delta()).isEqualTo(1e-6);
        assertThat(byIntent.metrics()).containsExactly(
                new MetricSpec("messages", MetricSpec.Kind.COUNT, null, List.of()),
                new MetricSpec("customers", MetricSpec.Kind.SUBJECTS, null, List.of()),
                new MetricSpec("escalation-rate", MetricSpec.Kind.MEAN, "escalated", List.of()),
                new MetricSpec("mean-satisfaction", MetricSpec.Kind.MEAN, "satisfaction", List.of()));
        assertThat(aggregates.forFamily("recommendation")).extracting(AggregateSpec::name)
                .containsExactly("by-provider-group", "by-item");
        assertThat(aggregates.forFamily("no-such-family")).isEmpty();
    }

    @Test
    void everyBuiltInPolicyDeclaresAggregatesAndPiplUsesZcdp() {
        for (JurisdictionPolicy policy : TestEngines.POLICIES.all()) {
            assertThat(policy.aggregates().byFamily()).as(policy.id()).hasSize(3);
        }
        AggregateSpec pipl = TestEngines.POLICIES.byId("cn-pipl").orElseThrow().aggregates()
                .forFamily("financial-sentiment").get(0);
        assertThat(pipl.mechanism()).isEqualTo(Mechanism.GAUSSIAN);
        assertThat(pipl.rho()).isEqualTo(0.1);
        assertThat(pipl.epsilon()).isZero();
    }

    @Test
    void quantilesAndAPolicyWithoutTheSectionParse() {
        String quantiles = builtIn("eu-gdpr.yaml").replace(
                "          - {name: approval-rate, metric: mean, field: approved}",
                "          - {name: amount, metric: quantiles, field: amount, quantiles: [0.5, 0.9]}");
        MetricSpec amount = PARSER.parse("eu-gdpr.yaml", quantiles).aggregates()
                .forFamily("financial-sentiment").get(0).metrics().get(2);
        assertThat(amount).isEqualTo(new MetricSpec("amount", MetricSpec.Kind.QUANTILES, "amount", List.of(0.5, 0.9)));

        String text = builtIn("eu-gdpr.yaml");
        String without = text.substring(0, text.indexOf("aggregates:"));
        assertThat(PARSER.parse("eu-gdpr.yaml", without).aggregates()).isEqualTo(AggregateSettings.none());
    }

    static Stream<Arguments> invalidSections() {
        return Stream.of(
                Arguments.of("  maxWindowsPerPeriod: 4", "  maxWindowsPerPeriod: 0", "aggregates.maxWindowsPerPeriod",
                        "must be between 1 and 100000", "use a value in range"),
                Arguments.of("  maxWindowsPerPeriod: 4\n", "", "aggregates.maxWindowsPerPeriod", "missing",
                        "add 'maxWindowsPerPeriod"),
                Arguments.of("        maxGroupsPerSubject: 1", "        maxGroupsPerSubject: 0",
                        "aggregates.families.customer-service[0].maxGroupsPerSubject", "must be between 1 and 1000",
                        "use a value in range"),
                Arguments.of("        maxContributionsPerGroup: 5\n", "",
                        "aggregates.families.customer-service[0].maxContributionsPerGroup", "missing",
                        "add 'maxContributionsPerGroup"),
                Arguments.of("        groupBy: [intent]", "        groupBy: [intent, intent]",
                        "aggregates.families.customer-service[0].groupBy[1]", "listed twice", "remove the duplicate"),
                Arguments.of("        groupBy: [intent]", "        groupBy: [in tent]",
                        "aggregates.families.customer-service[0].groupBy[0]", "is not a field name",
                        "use the Avro field name"),
                Arguments.of("        window: {size: PT1H, grace: PT5M}\n        maxGroupsPerSubject: 1",
                        "        window: {size: PT7H, grace: PT5M}\n        maxGroupsPerSubject: 1",
                        "aggregates.families.customer-service[0].window.size", "does not divide the budget period",
                        "divides dp.budget.period"),
                Arguments.of("        epsilon: 1.0\n        delta: 1e-6\n        metrics:\n          - {name: messages",
                        "        rho: 1.0\n        delta: 1e-6\n        metrics:\n          - {name: messages",
                        "aggregates.families.customer-service[0].rho", "laplace noise is accounted in ε",
                        "replace rho by 'epsilon"),
                Arguments.of("        mechanism: laplace\n        epsilon: 1.0\n        delta: 1e-6\n        metrics:\n"
                                + "          - {name: messages",
                        "        mechanism: gaussian\n        epsilon: 1.0\n        delta: 1e-6\n        metrics:\n"
                                + "          - {name: messages",
                        "aggregates.families.customer-service[0].epsilon", "accounted in zCDP",
                        "replace epsilon by 'rho"),
                Arguments.of("        mechanism: laplace\n        epsilon: 1.0\n        delta: 1e-6\n        metrics:\n"
                                + "          - {name: messages",
                        "        mechanism: exponential\n        epsilon: 1.0\n        delta: 1e-6\n        metrics:\n"
                                + "          - {name: messages",
                        "aggregates.families.customer-service[0].mechanism", "unknown mechanism 'exponential'",
                        "use laplace or gaussian"),
                Arguments.of("        delta: 1e-6\n        metrics:\n          - {name: messages",
                        "        delta: 0.5\n        metrics:\n          - {name: messages",
                        "aggregates.families.customer-service[0].delta", "must be between", "use a value in range"),
                Arguments.of("          - {name: messages, metric: count}",
                        "          - {name: messages, metric: median}",
                        "aggregates.families.customer-service[0].metrics[0].metric", "unknown metric 'median'",
                        "use count, subjects, sum, mean or quantiles"),
                Arguments.of("          - {name: messages, metric: count}",
                        "          - {name: messages, metric: count, field: satisfaction}",
                        "aggregates.families.customer-service[0].metrics[0].field", "count takes no field",
                        "remove 'field'"),
                Arguments.of("          - {name: escalation-rate, metric: mean, field: escalated}",
                        "          - {name: escalation-rate, metric: mean}",
                        "aggregates.families.customer-service[0].metrics[2].field", "missing", "add 'field"),
                Arguments.of("          - {name: customers, metric: subjects}",
                        "          - {name: messages, metric: subjects}",
                        "aggregates.families.customer-service[0].metrics[1]", "'messages' is declared twice",
                        "its own name"),
                Arguments.of("          - {name: escalation-rate, metric: mean, field: escalated}",
                        "          - {name: escalation-rate, metric: quantiles, field: escalated, quantiles: [1.0]}",
                        "aggregates.families.customer-service[0].metrics[2].quantiles[0]", "strictly between 0 and 1",
                        "0.5 for the median"),
                Arguments.of("      - name: by-item\n", "      - name: by-provider-group\n",
                        "aggregates.families.recommendation[1]", "declared twice in recommendation",
                        "its own name"),
                Arguments.of("  maxWindowsPerPeriod: 4", "  maxWindowsPerPeriod: 4\n  budget: 3", "aggregates.budget",
                        "unknown key 'budget'", "use one of families, maxWindowsPerPeriod"));
    }

    @ParameterizedTest(name = "{2}: {3}")
    @MethodSource("invalidSections")
    void invalidSectionsNameFileFieldLineProblemAndFix(String from, String to, String field, String problem,
            String fix) {
        String text = builtIn("eu-gdpr.yaml");
        assertThat(text).contains(from);
        String broken = text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to));
        assertThatThrownBy(() -> PARSER.parse("policies/eu-gdpr.yaml", broken))
                .isInstanceOfSatisfying(PolicyException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.file()).isEqualTo("policies/eu-gdpr.yaml");
                    assertThat(e.line()).isGreaterThan(text.substring(0, text.indexOf("aggregates:"))
                            .split("\n", -1).length - 1);
                })
                .hasMessageContaining(problem)
                .hasMessageContaining("Fix: ")
                .hasMessageContaining(fix);
    }

    static String builtIn(String file) {
        try (InputStream in = AggregatesParserTest.class.getClassLoader().getResourceAsStream("policies/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
