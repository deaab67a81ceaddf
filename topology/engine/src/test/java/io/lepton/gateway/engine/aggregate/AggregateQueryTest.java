package io.lepton.gateway.engine.aggregate;

import static io.lepton.gateway.engine.aggregate.AggregateFixtures.CUSTOMER_SERVICE;
import static io.lepton.gateway.engine.aggregate.AggregateFixtures.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lepton.gateway.engine.TestEngines;
import io.lepton.gateway.engine.dp.Mechanism;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.AggregateSpec;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.MetricSpec;
import io.lepton.gateway.engine.policy.MetricSpec.Kind;
import io.lepton.gateway.engine.policy.PolicyException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AggregateQueryTest {

    @Test
    void everyBuiltInAggregateBindsToItsFamilysSchema() {
        int bound = 0;
        for (JurisdictionPolicy policy : TestEngines.POLICIES.all()) {
            for (EventFamily family : TestEngines.FAMILIES.all()) {
                bound += AggregateQuery.bindAll(policy, family).size();
            }
        }
        assertThat(bound).isEqualTo(7 * 4);
    }

    @Test
    void aContributionCarriesATokenNotTheSubjectAndClampedGridValues() {
        AggregateQuery query = AggregateFixtures.query(4, AggregateFixtures.laplace(1, 1, 1, 1e-6,
                metric("satisfaction", Kind.MEAN, "satisfaction"), metric("escalated", Kind.MEAN, "escalated")));
        NoiseSource keys = AggregateFixtures.keys("query");
        Contribution contribution = query.contribution(AggregateFixtures.event("cust-42", "e1",
                AggregateFixtures.T0, "BILLING", 9, true), AggregateFixtures.T0, keys).orElseThrow();
        assertThat(contribution.subjectToken()).hasSize(32).doesNotContain("cust-42");
        assertThat(contribution.group()).isEqualTo("intent=BILLING");
        // 9 is clamped to the schema's max 5; the grid step for width 4 is 2^-14, for the boolean's width 1 2^-16.
        assertThat(contribution.values()).containsExactly(5L << 14, 1L << 16);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "customerEmail | count | is personal data or free text",
        "message | count | is personal data or free text",
        "nonexistent | count | does not exist in family customer-service",
        "intent | mean:customerAge | is not a required number or boolean",
        "intent | mean:agentId | is not a required number or boolean",
        "intent | sum:nothing | does not exist"})
    void unsafeOrMeaninglessDeclarationsAreRefusedWithTheirLine(String groupBy, String metric, String problem) {
        String[] parts = metric.split(":");
        MetricSpec spec = parts.length == 1 ? metric("m", Kind.COUNT, null)
                : metric("m", parts[0].equals("mean") ? Kind.MEAN : Kind.SUM, parts[1]);
        AggregateSpec aggregate = new AggregateSpec("a", "customer-service", List.of(groupBy), Duration.ofHours(1),
                Duration.ofMinutes(5), 1, 1, Mechanism.LAPLACE, 1, 0, 1e-6, List.of(spec),
                new AggregateSpec.SourceLocation("policies/eu-gdpr.yaml", 77,
                        "aggregates.families.customer-service[0]"));
        assertThatThrownBy(() -> AggregateQuery.bindAll(AggregateFixtures.policy(4, aggregate), CUSTOMER_SERVICE))
                .isInstanceOfSatisfying(PolicyException.class, e -> {
                    assertThat(e.line()).isEqualTo(77);
                    assertThat(e.file()).isEqualTo("policies/eu-gdpr.yaml");
                })
                .hasMessageContaining(problem).hasMessageContaining("Fix: ");
    }

    @Test
    void aDpFieldWithoutBoundsCannotBeSummed() {
        EventFamily recommendation = TestEngines.FAMILIES.byName("recommendation").orElseThrow();
        AggregateSpec aggregate = new AggregateSpec("a", "recommendation", List.of("providerGroup"),
                Duration.ofHours(1), Duration.ofMinutes(5), 1, 1, Mechanism.LAPLACE, 1, 0, 1e-6,
                List.of(metric("score", Kind.SUM, "score")),
                new AggregateSpec.SourceLocation("policies/eu-gdpr.yaml", 9, "aggregates.families.recommendation[0]"));
        JurisdictionPolicy p = AggregateFixtures.policy(4, aggregate);
        JurisdictionPolicy policy = new JurisdictionPolicy(p.id(), p.name(), p.version(), p.regions(),
                p.residencyZone(), p.crossBorder(), p.pseudonymKeyId(), p.subjectIdentity(), p.actions(), p.defaultAction(), p.freeText(),
                p.dp(), p.fairness(), p.source(), new io.lepton.gateway.engine.policy.AggregateSettings(4,
                        java.util.Map.of("recommendation", List.of(aggregate))));
        assertThatThrownBy(() -> AggregateQuery.bindAll(policy, recommendation))
                .isInstanceOf(PolicyException.class).hasMessageContaining("has no \"dp\" bounds");
    }
}
