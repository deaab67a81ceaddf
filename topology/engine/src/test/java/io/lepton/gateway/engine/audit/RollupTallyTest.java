package io.lepton.gateway.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Outcome;
import io.lepton.gateway.engine.SampleEvents;
import io.lepton.gateway.engine.TestEngines;
import io.lepton.gateway.engine.dp.BudgetTime;
import io.lepton.gateway.engine.dp.InMemoryPrivacyLedger;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.sanitize.DpRelease;
import io.lepton.gateway.engine.sanitize.RecordSanitizer;
import io.lepton.schemas.AuditRollup;
import io.lepton.schemas.CustomerServiceEvent;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A roll-up counts what the engine decided, event by event, and survives its store encoding. The expected counts are
 * added up here from each outcome directly (actions from each event's own action map), not through the tally's
 * table.
 */
class RollupTallyTest {

    private static final EventFamily CUSTOMER_SERVICE = TestEngines.FAMILIES.byName("customer-service").orElseThrow();
    private final GatewayEngine engine = GatewayEngine.create(TestEngines.POLICIES, TestEngines.FAMILIES,
            TestEngines.gatewayKeys(), BudgetTime.window(TestEngines.CLOCK), SecureRandomBits.seeded(9));

    @Test
    void countsOutcomesActionsDetectionsAndEpsilonOfEveryEventAndRoundTripsThroughItsEncoding() {
        RecordSanitizer sanitizer = engine.sanitizer("eu-gdpr", "customer-service");
        RollupTally tally = new RollupTally(ActionTable.of(sanitizer));
        InMemoryPrivacyLedger ledger = new InMemoryPrivacyLedger();
        Map<String, Map<String, Long>> expectedActions = new TreeMap<>();
        Map<String, Long> expectedDetections = new TreeMap<>();
        long released = 0;
        long withheld = 0;
        double epsilon = 0;
        for (int i = 0; i < 11; i++) {
            CustomerServiceEvent event = SampleEvents.customerServiceBuilder("DE");
            event.setEventId("evt-roll-" + i);
            if (i == 10) {
                event.setCustomerId("  ");
            }
            Outcome outcome = engine.process(CUSTOMER_SERVICE, SampleEvents.generic(event), ledger);
            tally.add(outcome);
            if (outcome instanceof Outcome.Released r) {
                DpRelease release = r.budget().outcome().name().equals("WITHHELD") ? DpRelease.WITHHOLD
                        : DpRelease.RELEASE;
                released += release == DpRelease.RELEASE ? 1 : 0;
                withheld += release == DpRelease.WITHHOLD ? 1 : 0;
                epsilon += r.budget().epsilonSpent();
                sanitizer.actionCounts(release).forEach((auditClass, byAction) -> byAction.forEach((action, n) ->
                        expectedActions.computeIfAbsent(auditClass, c -> new TreeMap<>()).merge(action, (long) n,
                                Long::sum)));
                r.event().detections().forEach((type, n) -> expectedDetections.merge(type, (long) n, Long::sum));
            }
        }
        assertThat(released).isEqualTo(8);
        assertThat(withheld).isEqualTo(2);

        AuditRollup rollup = tally.toRollup("eu-gdpr", "customer-service", "v1", 60_000, 70_000, "0_1");
        assertThat(rollup.getEvents()).isEqualTo(11);
        assertThat(rollup.getOutcomes()).containsEntry("RELEASED", 8L).containsEntry("WITHHELD", 2L)
                .containsEntry("SUPPRESSED", 0L).containsEntry("QUARANTINED", 1L);
        assertThat(rollup.getBudgetExhausted()).isEqualTo(2);
        assertThat(rollup.getQuarantineReasons()).isEqualTo(Map.of("missing-subject", 1L));
        assertThat(rollup.getActions()).isEqualTo(expectedActions);
        assertThat(rollup.getDetections()).isEqualTo(expectedDetections).isNotEmpty();
        assertThat(rollup.getEpsilonSpent()).isEqualTo(epsilon).isEqualTo(4.0);
        assertThat(rollup.getWindowStart()).isEqualTo(Instant.ofEpochMilli(60_000));

        assertThat(RollupTally.decode(tally.encode()).toRollup("eu-gdpr", "customer-service", "v1", 60_000, 70_000,
                "0_1")).isEqualTo(rollup);
    }

    @Test
    void suppressedEventsAreCountedWithTheirDetectionsButNoActions() {
        RecordSanitizer sanitizer = engine.sanitizer("default", "customer-service");
        RollupTally tally = new RollupTally(ActionTable.of(sanitizer));
        InMemoryPrivacyLedger ledger = new InMemoryPrivacyLedger();
        for (int i = 0; i < 9; i++) {
            CustomerServiceEvent event = SampleEvents.customerServiceBuilder("JP");
            event.setEventId("evt-sup-" + i);
            tally.add(engine.process(CUSTOMER_SERVICE, SampleEvents.generic(event), ledger));
        }
        AuditRollup rollup = tally.toRollup("default", "customer-service", "v", 0, 10_000, "0_0");
        assertThat(rollup.getOutcomes()).containsEntry("RELEASED", 8L).containsEntry("SUPPRESSED", 1L);
        assertThat(rollup.getBudgetExhausted()).isEqualTo(1);
        assertThat(rollup.getActions().get("SUBJECT_ID")).isEqualTo(Map.of("hmac", 8L));
        assertThat(rollup.getDetections().get("EMAIL")).as("one e-mail in each of 9 messages").isEqualTo(9L);
    }
}
