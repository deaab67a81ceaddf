package io.lepton.gateway.engine.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.SampleEvents;
import io.lepton.gateway.engine.TestEngines;
import io.lepton.gateway.engine.crypto.GatewayKeys;
import io.lepton.gateway.engine.crypto.JurisdictionKeys;
import io.lepton.gateway.engine.dp.NoiseKeys;
import io.lepton.gateway.engine.dp.RandomBits;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.policy.DpSettings;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicyException;
import io.lepton.gateway.engine.policy.PolicySet;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** What the engine gives the aggregates stage: bound queries, the noise-key source, the accepted event time. */
class EngineAggregatesTest {

    private static final byte[] KEY = "engine-aggregates-test-key-32-by".getBytes();

    @Test
    void theEngineBindsEveryDeclaredAggregateAndNothingElse() {
        GatewayEngine engine = TestEngines.engine();
        for (JurisdictionPolicy policy : engine.policies().all()) {
            for (EventFamily family : engine.families().all()) {
                assertThat(engine.aggregates(policy.id(), family.name())).extracting(AggregateQuery::name)
                        .as(policy.id() + "/" + family.name())
                        .containsExactlyElementsOf(policy.aggregates().forFamily(family.name()).stream()
                                .map(spec -> spec.name()).toList());
            }
        }
        assertThat(engine.aggregates("eu-gdpr", "customer-service")).isNotEmpty();
    }

    /**
     * A policy that declares aggregates needs a noise key even with per-event DP off, or a restart would redraw
     * released noise; the message names the variable to set.
     */
    @Test
    void aPolicyWithAggregatesButNoNoiseKeyStopsStartUp() {
        JurisdictionPolicy eu = TestEngines.POLICIES.byId("eu-gdpr").orElseThrow();
        DpSettings dp = eu.dp();
        JurisdictionPolicy noPerEventDp = new JurisdictionPolicy(eu.id(), eu.name(), eu.version(), eu.regions(),
                eu.residencyZone(), eu.crossBorder(), eu.pseudonymKeyId(), eu.subjectIdentity(), eu.actions(),
                eu.defaultAction(), eu.freeText(), new DpSettings(false, dp.mechanism(), dp.epsilonPerEvent(),
                        dp.delta(), dp.clampOutput(), dp.budgetEpsilon(), dp.budgetPeriod(), dp.onExhausted(),
                        dp.maxEventAge(), dp.maxClockSkew(), dp.derived()), eu.fairness(), eu.source(),
                eu.aggregates());
        GatewayKeys all = TestEngines.gatewayKeys();
        Map<String, byte[]> noise = new java.util.HashMap<>();
        TestEngines.POLICIES.all().forEach(p -> noise.put(p.id(), KEY));
        noise.remove("eu-gdpr");
        GatewayKeys withoutNoise = new GatewayKeys(all.pseudonyms(),
                JurisdictionKeys.of(JurisdictionKeys.Kind.NOISE, noise), all.ledger());
        PolicySet policies = PolicySet.of(TestEngines.POLICIES.all().stream()
                .map(p -> p.id().equals("eu-gdpr") ? noPerEventDp : p).toList());
        assertThatThrownBy(() -> TestEngines.create(policies,
                TestEngines.FAMILIES, withoutNoise, SecureRandomBits.seeded(1)))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("LEPTON_NOISE_KEY_EU_GDPR").hasMessageContaining("aggregates");
    }

    /** The engine's source is the noise-key PRF under a context of its own: reproducible, never a per-event stream. */
    @Test
    void aggregateNoiseIsTheNoiseKeyPrfUnderItsOwnDomain() {
        NoiseKeys keys = new NoiseKeys(Map.of("eu-gdpr", KEY));
        NoiseSource source = new NoiseKeySource(keys);
        long[] first = words(source.bits("eu-gdpr", 3_600_000L, "intent=BILLING", "by-intent/count"));
        assertThat(words(new NoiseKeySource(new NoiseKeys(Map.of("eu-gdpr", KEY.clone())))
                .bits("eu-gdpr", 3_600_000L, "intent=BILLING", "by-intent/count"))).isEqualTo(first);
        assertThat(words(keys.bitsFor("eu-gdpr", "dp-aggregate", "3600000", "intent=BILLING", "by-intent/count")))
                .as("exactly the documented context").isEqualTo(first);
        assertThat(words(source.bits("eu-gdpr", 7_200_000L, "intent=BILLING", "by-intent/count"))).isNotEqualTo(first);
        assertThat(words(source.bits("eu-gdpr", 3_600_000L, "intent=OTHER", "by-intent/count"))).isNotEqualTo(first);
        assertThat(words(source.bits("eu-gdpr", 3_600_000L, "intent=BILLING", "by-intent/subjects")))
                .isNotEqualTo(first);
        assertThat(words(keys.bitsFor("eu-gdpr", "3600000", "intent=BILLING", "by-intent/count")))
                .as("a context without the domain is another stream").isNotEqualTo(first);
    }

    /** The aggregates count an event only when the sanitizer would budget it: future-dated events close nothing. */
    @Test
    void theAcceptedEventTimeIsTheBudgetWindowAroundTheClock() {
        GatewayEngine engine = TestEngines.engine();
        JurisdictionPolicy eu = engine.policies().byId("eu-gdpr").orElseThrow();
        EventFamily family = engine.families().byName("customer-service").orElseThrow();
        GenericRecord now = SampleEvents.customerService("DE");
        long at = family.occurredAt(now);
        assertThat(engine.acceptedEventTime(eu, family, now)).isEqualTo(OptionalLong.of(at));
        GenericRecord future = SampleEvents.customerService("DE");
        future.put("occurredAt", at + eu.dp().maxClockSkew().plus(Duration.ofSeconds(1)).toMillis());
        assertThat(engine.acceptedEventTime(eu, family, future)).isEmpty();
        GenericRecord old = SampleEvents.customerService("DE");
        old.put("occurredAt", at - eu.dp().maxEventAge().plus(Duration.ofSeconds(1)).toMillis());
        assertThat(engine.acceptedEventTime(eu, family, old)).isEmpty();
    }

    private static long[] words(RandomBits bits) {
        long[] words = new long[8];
        Arrays.setAll(words, i -> bits.nextLong());
        return words;
    }
}
