package io.lepton.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.dp.InMemoryPrivacyLedger;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.DpSettings;
import io.lepton.gateway.engine.policy.FreeTextSettings;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.gateway.engine.sanitize.DpRelease;
import io.lepton.gateway.engine.sanitize.RecordSanitizer;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.schemas.FinancialSentimentEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** Per-event noise on dp-tagged fields: only those fields, within bounds, withheld as null, ε split and charged. */
class DpReleaseTest {

    private static final EventFamily CUSTOMER_SERVICE = TestEngines.FAMILIES.byName("customer-service").orElseThrow();
    private static final EventFamily FINANCIAL = TestEngines.FAMILIES.byName("financial-sentiment").orElseThrow();
    private static final List<String> FINANCIAL_DP_FIELDS = List.of("sentiment", "amount");

    private final GatewayEngine engine = TestEngines.create(TestEngines.POLICIES, TestEngines.FAMILIES,
            TestEngines.gatewayKeys(), SecureRandomBits.seeded(7));

    @Test
    void onlyDpFieldsAreNoisedAndTheyStayWithinTheirBoundsWhenThePolicyClamps() {
        RecordSanitizer sanitizer = engineWith("eu-gdpr", dp -> derivedNoised(dp), true)
                .sanitizer("eu-gdpr", "financial-sentiment");
        FinancialSentimentEvent event = SampleEvents.financialSentimentBuilder("DE");
        GenericRecord withheld = sanitizer.sanitize(SampleEvents.generic(event), DpRelease.WITHHOLD).value();
        Set<Object> sentiments = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            event.setEventId("evt-" + i);
            GenericRecord out = sanitizer.sanitize(SampleEvents.generic(event), DpRelease.RELEASE).value();
            for (Schema.Field field : out.getSchema().getFields()) {
                if (!FINANCIAL_DP_FIELDS.contains(field.name()) && !field.name().equals("eventId")) {
                    assertThat(out.get(field.pos())).as(field.name() + " is not a dp field: no noise")
                            .isEqualTo(withheld.get(field.pos()));
                }
            }
            assertThat((Double) out.get("sentiment")).isBetween(-1.0, 1.0);
            assertThat((Double) out.get("amount")).isBetween(0.0, 100_000.0);
            sentiments.add(out.get("sentiment"));
        }
        // b = 2 / (0.5 / 2) = 8 for width 2: about 12% of outputs land strictly inside (-1, 1), the rest on the bounds.
        assertThat(sentiments).as("noise varies from event to event").hasSizeGreaterThan(20).contains(-1.0, 1.0);
        assertThat(sanitizer.outputSchema().getField("sentiment")).isNotNull();
    }

    @Test
    void withheldDpFieldsAreNullAndTheirSanitizedTypeIsNullable() {
        RecordSanitizer sanitizer = engine.sanitizer("eu-gdpr", "customer-service");
        GenericRecord out = sanitizer.sanitize(SampleEvents.customerService("DE"), DpRelease.WITHHOLD).value();
        assertThat(out.get("satisfaction")).isNull();
        Schema.Field field = sanitizer.outputSchema().getField("satisfaction");
        assertThat(field.schema().toString()).isEqualTo("[\"null\",\"int\"]");
        assertThat(field.getProp("sanitizedBy")).isEqualTo("noise:laplace");
    }

    /**
     * ε 1 per event, Laplace, no output clamping. customer-service has one dp field (satisfaction, width 4): ε 1, so
     * b = 4. financial-sentiment has two (sentiment width 2, amount width 100000), ε 1/2 each: sentiment gets b = 4
     * too. The mean absolute deviation of Laplace(b) is b, its standard deviation b as well, so over 20000 samples the
     * standard error is 4/141 = 0.03: a 5% tolerance (0.2) is about 7 standard errors, while a wrong split (ε 1 for
     * sentiment would give b = 2) is off by 50%.
     */
    @Test
    void epsilonPerEventIsSplitEquallyAcrossTheFamilysDpFields() {
        GatewayEngine unclamped = engineWith("eu-gdpr", dp -> new DpSettings(true, "laplace", 1.0, 0, false,
                dp.budgetEpsilon(), dp.budgetPeriod(), dp.onExhausted(), dp.maxEventAge(), dp.maxClockSkew(),
                DpSettings.Derived.NOISE), true);
        RecordSanitizer cs = unclamped.sanitizer("eu-gdpr", "customer-service");
        RecordSanitizer fin = unclamped.sanitizer("eu-gdpr", "financial-sentiment");
        CustomerServiceEvent csEvent = SampleEvents.customerServiceBuilder("DE");
        FinancialSentimentEvent finEvent = SampleEvents.financialSentimentBuilder("DE");
        finEvent.setSentiment(0.0);
        int n = 20_000;
        double csDeviation = 0;
        double finDeviation = 0;
        for (int i = 0; i < n; i++) {
            csEvent.setEventId("cs-" + i);
            finEvent.setEventId("fin-" + i);
            csDeviation += Math.abs((Integer) cs.sanitize(SampleEvents.generic(csEvent), DpRelease.RELEASE).value()
                    .get("satisfaction") - 4);
            finDeviation += Math.abs((Double) fin.sanitize(SampleEvents.generic(finEvent), DpRelease.RELEASE).value()
                    .get("sentiment"));
        }
        assertThat(csDeviation / n).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.2));
        assertThat(finDeviation / n).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.2));
        assertThat(cs.epsilonCost()).isEqualTo(1.0);
        assertThat(fin.epsilonCost()).as("the event costs epsilonPerEvent in total").isEqualTo(1.0);
    }

    @Test
    void epsilonCostIsThePolicysPerEventEpsilonAndZeroWhenNothingIsNoised() {
        assertThat(engine.sanitizer("eu-gdpr", "customer-service").epsilonCost()).isEqualTo(0.5);
        assertThat(engine.sanitizer("us-ccpa", "financial-sentiment").epsilonCost()).isEqualTo(1.0);
        assertThat(engine.sanitizer("eu-gdpr", "recommendation").epsilonCost()).as("no dp field").isZero();
        GatewayEngine disabled = engineWith("eu-gdpr", dp -> new DpSettings(false, dp.mechanism(),
                dp.epsilonPerEvent(), dp.delta(), dp.clampOutput(), dp.budgetEpsilon(), dp.budgetPeriod(),
                dp.onExhausted(), dp.maxEventAge(), dp.maxClockSkew(), dp.derived()), false);
        assertThat(disabled.sanitizer("eu-gdpr", "customer-service").epsilonCost()).isZero();
    }

    @Test
    void withDpDisabledDpFieldsAreAlwaysWithheldNeverReleasedRaw() {
        GatewayEngine disabled = engineWith("eu-gdpr", dp -> new DpSettings(false, dp.mechanism(),
                dp.epsilonPerEvent(), dp.delta(), dp.clampOutput(), dp.budgetEpsilon(), dp.budgetPeriod(),
                dp.onExhausted(), dp.maxEventAge(), dp.maxClockSkew(), dp.derived()), false);
        InMemoryPrivacyLedger ledger = new InMemoryPrivacyLedger();
        Outcome.Released released = (Outcome.Released) disabled.process(CUSTOMER_SERVICE,
                SampleEvents.customerService("DE"), ledger);
        assertThat(released.event().value().get("satisfaction")).isNull();
        assertThat(released.budget().outcome()).hasToString("WITHHELD");
        assertThat(released.budget().exhausted()).as("withheld by policy, not by budget").isFalse();
        assertThat(released.budget().epsilonSpent()).isZero();
        assertThat(disabled.sanitizer("eu-gdpr", "customer-service").actionCounts(DpRelease.WITHHOLD))
                .containsEntry("DP", Map.of("withhold", 1));
        assertThat(ProvenanceFixtures.headers(released)).containsEntry("lepton.dp", "disabled")
                .containsEntry("lepton.budget", "n/a");
        assertThat(disabled.sanitizer("eu-gdpr", "customer-service").sanitize(SampleEvents.customerService("DE"),
                DpRelease.RELEASE).value().get("satisfaction")).as("no noiser exists: release is null too").isNull();
    }

    @Test
    void aQuarantinedEventChargesNoBudget() {
        InMemoryPrivacyLedger ledger = new InMemoryPrivacyLedger();
        FinancialSentimentEvent broken = SampleEvents.financialSentimentBuilder("DE");
        broken.setAmount(Double.NaN);
        for (int i = 0; i < 20; i++) {
            Outcome outcome = engine.process(FINANCIAL, SampleEvents.generic(broken), ledger);
            assertThat(outcome).isInstanceOfSatisfying(Outcome.Quarantined.class, q -> {
                assertThat(q.topic()).isEqualTo("quarantine.eu-gdpr");
                assertThat(q.reason()).isEqualTo(QuarantineReason.INVALID_DP_VALUE);
                assertThat(q.detail()).isEqualTo("invalid-dp-value: a dp field is NaN, which has no place in its bounds");
            });
        }
        Outcome.Released good = (Outcome.Released) engine.process(FINANCIAL, SampleEvents.financialSentiment("DE"),
                ledger);
        assertThat(good.budget().outcome()).hasToString("RELEASED");
        assertThat(good.budget().epsilonSpent()).isEqualTo(0.5);
    }

    /** The policy's dp settings, but claiming DP for derived fields (valid only when their source is redacted). */
    private static DpSettings derivedNoised(DpSettings dp) {
        return new DpSettings(dp.enabled(), dp.mechanism(), dp.epsilonPerEvent(), dp.delta(), dp.clampOutput(),
                dp.budgetEpsilon(), dp.budgetPeriod(), dp.onExhausted(), dp.maxEventAge(), dp.maxClockSkew(),
                DpSettings.Derived.NOISE);
    }

    /** Built-in policies with {@code jurisdiction}'s dp settings changed, and its free text redacted if asked. */
    private static GatewayEngine engineWith(String jurisdiction, UnaryOperator<DpSettings> change,
            boolean redactText) {
        List<JurisdictionPolicy> policies = TestEngines.POLICIES.all().stream()
                .map(p -> p.id().equals(jurisdiction) ? withDp(p, change.apply(p.dp()), redactText) : p).toList();
        return TestEngines.create(PolicySet.of(policies), TestEngines.FAMILIES, TestEngines.gatewayKeys(),
                SecureRandomBits.seeded(11));
    }

    static JurisdictionPolicy withDp(JurisdictionPolicy p, DpSettings dp, boolean redactText) {
        FreeTextSettings text = redactText ? new FreeTextSettings(FreeTextSettings.Mode.REDACT, p.freeText().maxChars(),
                p.freeText().onOversize(), p.freeText().detectors()) : p.freeText();
        return new JurisdictionPolicy(p.id(), p.name(), p.version(), p.regions(), p.residencyZone(), p.crossBorder(),
                p.pseudonymKeyId(), p.subjectIdentity(), p.actions(), p.defaultAction(), text, dp, p.fairness(),
                p.source(), p.aggregates());
    }
}
