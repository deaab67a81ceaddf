package io.lepton.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.dp.BudgetTime;
import io.lepton.gateway.engine.dp.InMemoryPrivacyLedger;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.schemas.AuditRecord;
import io.lepton.schemas.CustomerServiceEvent;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * The per-subject budget through the engine, as dry-run and the topology use it: eu-gdpr charges ε 0.5 per
 * customer-service event against ε 4 per day (8 events), then withholds; the default policy charges 0.25 against 2
 * (8 events), then suppresses. Periods roll over by the event's own time.
 */
class PrivacyBudgetTest {

    private static final EventFamily CUSTOMER_SERVICE = TestEngines.FAMILIES.byName("customer-service").orElseThrow();

    private final TestClock clock = new TestClock(SampleEvents.AT);
    private final GatewayEngine engine = GatewayEngine.create(TestEngines.POLICIES, TestEngines.FAMILIES,
            TestEngines.gatewayKeys(), BudgetTime.window(clock), SecureRandomBits.seeded(3));
    private final InMemoryPrivacyLedger ledger = new InMemoryPrivacyLedger();

    @Test
    void aSubjectsDpFieldsAreWithheldOnceItsDailyBudgetIsSpentAndReleasedAgainTheNextDay() {
        Instant day = SampleEvents.AT;
        for (int i = 0; i < 8; i++) {
            CustomerServiceEvent event = SampleEvents.customerServiceBuilder("DE");
            event.setCustomerId("cust-1");
            event.setEventId("evt-" + i);
            event.setOccurredAt(day.plusSeconds(i));
            BudgetResult budget = released(SampleEvents.generic(event)).budget();
            assertThat(budget.outcome()).hasToString("RELEASED");
            assertThat(budget.epsilonSpent()).isEqualTo(0.5);
        }
        Outcome.Released ninth = released(event("DE", "cust-1", day.plusSeconds(9)));
        assertThat(ninth.event().value().get("satisfaction")).isNull();
        assertThat(ninth.budget().outcome()).hasToString("WITHHELD");
        assertThat(ninth.budget().exhausted()).isTrue();
        assertThat(ninth.budget().epsilonSpent()).isZero();
        assertThat(ProvenanceFixtures.headers(ninth)).containsEntry("lepton.budget", "exhausted")
                .containsEntry("lepton.dp", "laplace:0");
        assertThat(released(event("DE", "cust-2", day.plusSeconds(10))).budget().outcome())
                .as("another subject has its own budget").hasToString("RELEASED");
        assertThat(released(event("FR", "cust-1", day.plusSeconds(11))).budget().outcome())
                .as("same jurisdiction, same subject, still spent").hasToString("WITHHELD");

        Instant nextDay = day.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(1));
        clock.set(nextDay.plus(Duration.ofMinutes(30)));
        Outcome.Released rolled = released(event("DE", "cust-1", nextDay));
        assertThat(rolled.budget().outcome()).hasToString("RELEASED");
        assertThat(rolled.event().value().get("satisfaction")).isNotNull();
        assertThat(released(event("DE", "cust-1", nextDay.minusSeconds(60))).budget().outcome())
                .as("a late event of the closed period cannot be proven within budget").hasToString("WITHHELD");
    }

    @Test
    void underASuppressPolicyTheEventIsNotReleasedAtAllOnceTheBudgetIsSpent() {
        for (int i = 0; i < 8; i++) {
            CustomerServiceEvent event = SampleEvents.customerServiceBuilder("JP");
            event.setCustomerId("cust-1");
            event.setEventId("evt-jp-" + i);
            assertThat(engine.process(CUSTOMER_SERVICE, SampleEvents.generic(event), ledger))
                    .isInstanceOf(Outcome.Released.class);
        }
        Outcome outcome = engine.process(CUSTOMER_SERVICE, event("JP", "cust-1", SampleEvents.AT), ledger);
        assertThat(outcome).isInstanceOf(Outcome.Suppressed.class);
        assertThat(outcome.topic()).isEqualTo("privacy.audit.default");
        AuditRecord audit = ((Outcome.Suppressed) outcome).audit();
        assertThat(audit.getOutcome()).hasToString("SUPPRESSED");
        assertThat(audit.getBudgetExhausted()).isTrue();
        assertThat(audit.getEventId()).isEqualTo("evt-cs-1");
    }

    @Test
    void theSuppressedEventsAuditRecordCountsActionsByClassAndDetectionsAndCarriesNoPersonalData() {
        for (int i = 0; i < 8; i++) {
            CustomerServiceEvent event = SampleEvents.customerServiceBuilder("JP");
            event.setCustomerId("cust-000042");
            event.setEventId("evt-jp-" + i);
            released(SampleEvents.generic(event));
        }
        Outcome outcome = engine.process(CUSTOMER_SERVICE, event("JP", "cust-000042", SampleEvents.AT), ledger);
        AuditRecord audit = ((Outcome.Suppressed) outcome).audit();
        assertThat(audit.getJurisdiction()).isEqualTo("default");
        assertThat(audit.getFamily()).isEqualTo("customer-service");
        assertThat(audit.getPolicyVersion())
                .isEqualTo(TestEngines.POLICIES.byId("default").orElseThrow().contentHash());
        assertThat(audit.getActions()).containsEntry("DP", java.util.Map.of("withhold", 1))
                .containsKey("SUBJECT_ID").containsKey("FREE_TEXT").doesNotContainKey("intent");
        assertThat(audit.getDetections()).containsEntry("EMAIL", 1).containsEntry("PHONE", 1);
        assertThat(audit.getQuarantineReason()).isNull();
        String text = audit.toString();
        assertThat(text).doesNotContain("cust-000042", "Jane", "jane.roe@example.com", "default-1.");
    }

    private Outcome.Released released(GenericRecord raw) {
        Outcome outcome = engine.process(CUSTOMER_SERVICE, raw, ledger);
        assertThat(outcome).isInstanceOf(Outcome.Released.class);
        return (Outcome.Released) outcome;
    }

    private static GenericRecord event(String region, String customerId, Instant at) {
        CustomerServiceEvent event = SampleEvents.customerServiceBuilder(region);
        event.setCustomerId(customerId);
        event.setOccurredAt(at);
        return SampleEvents.generic(event);
    }
}
