package io.lepton.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.policy.AggregateSpec;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.gateway.engine.routing.JurisdictionRouter;
import io.lepton.loadtest.generator.RegionCatalog;
import io.lepton.loadtest.generator.RegionProfile;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo's policy copies stay the built-in policies with only short fairness and aggregate windows, and the
 * generator's region catalog agrees with the policies on where each region routes (its bias targets a jurisdiction
 * by that mapping).
 */
class DemoPoliciesTest {

    private static final Set<String> KNOWN = PiiCatalog.knownClasses(EventFamilies.discover());
    /** What the demo copies may change. */
    private static final Set<String> DEMO_CHANGES = Set.of("version", "fairness", "aggregates", "contentHash");

    @Test
    void demoPoliciesDifferFromTheBuiltInOnesOnlyInFairnessAndAggregateWindowsAndVersion() throws Exception {
        PolicySet builtIn = PolicySet.builtIn(KNOWN);
        PolicySet demoSet = DemoPolicies.derive(builtIn);
        assertThat(demoSet.all()).hasSameSizeAs(builtIn.all());
        for (JurisdictionPolicy original : builtIn.all()) {
            JurisdictionPolicy demo = demoSet.byId(original.id()).orElseThrow();
            assertThat(comparable(demo)).as(original.id()).isEqualTo(comparable(original));
            assertThat(demo.version()).isEqualTo(original.version() + "-demo");
            assertThat(demo.contentHash()).as("the demo's variant runs under its own version")
                    .isNotEqualTo(original.contentHash());
            assertThat(demo.fairness().windowSize()).isEqualTo(Duration.ofSeconds(30));
            assertThat(demo.fairness().windowAdvance()).isEqualTo(Duration.ofSeconds(10));
            assertThat(demo.fairness().minSamplesPerGroup()).isEqualTo(50);
            assertThat(demo.fairness().minDisparateImpact()).isEqualTo(original.fairness().minDisparateImpact());
            assertThat(demo.aggregates().byFamily().keySet()).isEqualTo(original.aggregates().byFamily().keySet());
            original.aggregates().byFamily().forEach((family, specs) -> {
                List<AggregateSpec> demoSpecs = demo.aggregates().forFamily(family);
                assertThat(demoSpecs).hasSameSizeAs(specs);
                for (int i = 0; i < specs.size(); i++) {
                    AggregateSpec s = demoSpecs.get(i);
                    assertThat(s.windowSize()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(s.grace()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(new AggregateSpec(s.name(), s.family(), s.groupBy(), specs.get(i).windowSize(),
                            specs.get(i).grace(), s.maxGroupsPerSubject(), s.maxContributionsPerGroup(),
                            s.mechanism(), s.epsilon(), s.rho(), s.delta(), s.metrics(), s.source()))
                            .as("only the window changes").isEqualTo(specs.get(i));
                }
            });
            // Hourly built-in windows: 120 demo windows per hour, so 4 per day become 480.
            assertThat(demo.aggregates().maxWindowsPerPeriod())
                    .isEqualTo(original.aggregates().maxWindowsPerPeriod() * 120);
        }
    }

    @Test
    void everyGeneratorRegionRoutesToTheJurisdictionItDeclares() {
        JurisdictionRouter router = new JurisdictionRouter(PolicySet.builtIn(KNOWN));
        for (RegionProfile region : RegionCatalog.all()) {
            assertThat(router.route(region.code())).as(region.code()).get().extracting(JurisdictionPolicy::id)
                    .isEqualTo(region.jurisdiction());
        }
    }

    /** Every record component except the ones the demo may change, by name. */
    private static Map<String, Object> comparable(JurisdictionPolicy policy) throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : JurisdictionPolicy.class.getRecordComponents()) {
            if (!DEMO_CHANGES.contains(component.getName())) {
                values.put(component.getName(), component.getAccessor().invoke(policy));
            }
        }
        return values;
    }
}
