package io.lepton.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running policy versions: gauges, the endpoint's JSON, and the old → new lines of a start with a new policy. */
class RunningPoliciesTest {

    private static final PolicySet BUILT_IN = PolicySet.builtIn(PiiCatalog.knownClasses(EventFamilies.discover()));

    @Test
    void oneInfoGaugePerJurisdictionNamesItsVersion() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RunningPolicies.of(BUILT_IN).registerGauges(meters);
        JurisdictionPolicy eu = BUILT_IN.byId("eu-gdpr").orElseThrow();
        assertThat(meters.find(RunningPolicies.INFO).tag("jurisdiction", "eu-gdpr").tag("version", eu.contentHash())
                .gauge().value()).isEqualTo(1.0);
        assertThat(meters.find(RunningPolicies.INFO).gauges()).hasSize(BUILT_IN.all().size());
    }

    @Test
    void theEndpointListsEveryPolicyWithVersionLabelAndSource() {
        List<Object> json = PolicyRoutes.json(RunningPolicies.of(BUILT_IN)).getList();
        assertThat(json).hasSize(BUILT_IN.all().size());
        JsonObject first = PolicyRoutes.json(RunningPolicies.of(BUILT_IN)).getJsonObject(0);
        JurisdictionPolicy policy = BUILT_IN.all().get(0);
        assertThat(first.getString("jurisdiction")).isEqualTo(policy.id());
        assertThat(first.getString("version")).isEqualTo(policy.contentHash()).matches("[0-9a-f]{16}");
        assertThat(first.getString("label")).isEqualTo(policy.version());
        assertThat(first.getString("source")).endsWith(policy.id() + ".yaml");
    }

    @Test
    void aStartWithAnotherPolicyVersionLogsOldToNewOnce(@TempDir Path stateDir) {
        RunningPolicies before = RunningPolicies.of(BUILT_IN);
        assertThat(PolicyVersionHistory.update(stateDir, before)).as("first start: nothing to compare").isEmpty();
        assertThat(PolicyVersionHistory.update(stateDir, before)).as("same policies").isEmpty();

        JurisdictionPolicy eu = BUILT_IN.byId("eu-gdpr").orElseThrow();
        JurisdictionPolicy edited = new JurisdictionPolicy(eu.id(), eu.name(), eu.version(), eu.regions(),
                eu.residencyZone(), eu.crossBorder(), eu.pseudonymKeyId(), eu.subjectIdentity(), eu.actions(),
                eu.defaultAction(), eu.freeText(), eu.dp(), eu.fairness(), eu.source(), eu.aggregates(),
                "0123456789abcdef");
        PolicySet after = PolicySet.of(BUILT_IN.all().stream().map(p -> p.id().equals("eu-gdpr") ? edited : p)
                .filter(p -> !p.id().equals("sg-pdpa")).toList());
        assertThat(PolicyVersionHistory.update(stateDir, RunningPolicies.of(after))).containsExactly(
                "policy version changed: jurisdiction=eu-gdpr " + eu.contentHash() + " -> 0123456789abcdef label="
                        + eu.version(),
                "policy removed: jurisdiction=sg-pdpa version=" + BUILT_IN.byId("sg-pdpa").orElseThrow().contentHash());
        assertThat(PolicyVersionHistory.update(stateDir, RunningPolicies.of(after))).isEmpty();
    }
}
