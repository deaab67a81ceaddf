package io.lepton.gateway.engine;

import io.lepton.gateway.engine.dp.BudgetPolicy;
import io.lepton.gateway.engine.dp.BudgetState;
import io.lepton.gateway.engine.dp.PrivacyAccountant;
import io.lepton.gateway.engine.dp.PrivacyLedger;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.DpSettings;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.gateway.engine.sanitize.DpRelease;
import io.lepton.gateway.engine.sanitize.RecordSanitizer;
import io.lepton.gateway.engine.sanitize.SanitizationException;
import io.lepton.gateway.engine.sanitize.SanitizedEvent;
import io.lepton.schemas.BudgetOutcome;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * Releases one event under its subject's privacy budget: asks the jurisdiction's {@link PrivacyAccountant} whether the
 * event's ε may be spent, sanitizes with dp fields noised or withheld accordingly (or suppresses the event), and
 * records the charge in the {@link PrivacyLedger} only once sanitization has succeeded, so that a quarantined event
 * costs nothing.
 *
 * <p>The period an event is charged to comes from its own {@code occurredAt} (event time), so a replay makes the same
 * decisions as the original run.
 */
final class PrivacyGate {

    private final Map<String, PrivacyAccountant> accountants = new HashMap<>();

    PrivacyGate(PolicySet policies) {
        for (JurisdictionPolicy policy : policies.all()) {
            DpSettings dp = policy.dp();
            accountants.put(policy.id(), new PrivacyAccountant(new BudgetPolicy(dp.budgetEpsilon(), dp.budgetPeriod())));
        }
    }

    /**
     * @throws SanitizationException when the event cannot be sanitized safely (nothing is charged)
     */
    Outcome release(RecordSanitizer sanitizer, GenericRecord raw, PrivacyLedger ledger) {
        JurisdictionPolicy policy = sanitizer.policy();
        EventFamily family = sanitizer.family();
        if (!sanitizer.hasDpFields() || !policy.dp().enabled()) {
            DpRelease release = sanitizer.hasDpFields() ? DpRelease.WITHHOLD : DpRelease.RELEASE;
            SanitizedEvent event = sanitizer.sanitize(raw, release);
            BudgetOutcome outcome = release == DpRelease.RELEASE ? BudgetOutcome.RELEASED : BudgetOutcome.WITHHELD;
            return new Outcome.Released(policy, family, event,
                    AuditRecords.of(sanitizer, raw, release, event.detections(), 0, outcome, false));
        }
        String subject = sanitizer.requireSubjectKey(raw);
        BudgetState current = ledger.get(policy.id(), subject);
        double cost = sanitizer.epsilonCost();
        PrivacyAccountant.Decision decision = accountants.get(policy.id()).charge(current, sanitizer.family().occurredAt(raw), cost);
        if (decision.allowed()) {
            SanitizedEvent event = sanitizer.sanitize(raw, subject, DpRelease.RELEASE);
            ledger.put(policy.id(), subject, decision.next());
            return new Outcome.Released(policy, family, event, AuditRecords.of(sanitizer, raw, DpRelease.RELEASE,
                    event.detections(), cost, BudgetOutcome.RELEASED, false));
        }
        if (policy.dp().onExhausted() == DpSettings.OnExhausted.SUPPRESS) {
            // Sanitized (and not written) so that an unsafe event is still quarantined, and for the audit's detections.
            SanitizedEvent event = sanitizer.sanitize(raw, subject, DpRelease.WITHHOLD);
            store(ledger, policy.id(), subject, current, decision.next());
            return new Outcome.Suppressed(policy, family, AuditRecords.of(sanitizer, raw, DpRelease.WITHHOLD,
                    event.detections(), 0, BudgetOutcome.SUPPRESSED, true));
        }
        SanitizedEvent event = sanitizer.sanitize(raw, subject, DpRelease.WITHHOLD);
        store(ledger, policy.id(), subject, current, decision.next());
        return new Outcome.Released(policy, family, event, AuditRecords.of(sanitizer, raw, DpRelease.WITHHOLD,
                event.detections(), 0, BudgetOutcome.WITHHELD, true));
    }

    /** A refused charge changes the state only on a period roll-over; skip the write (and changelog record) otherwise. */
    private static void store(PrivacyLedger ledger, String jurisdiction, String subject, BudgetState current,
            BudgetState next) {
        if (!next.equals(current)) {
            ledger.put(jurisdiction, subject, next);
        }
    }
}
