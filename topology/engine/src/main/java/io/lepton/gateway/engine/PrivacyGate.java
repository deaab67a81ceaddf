package io.lepton.gateway.engine;

import io.lepton.gateway.engine.crypto.LedgerKeys;
import io.lepton.gateway.engine.dp.BudgetPolicy;
import io.lepton.gateway.engine.dp.BudgetState;
import io.lepton.gateway.engine.dp.BudgetTime;
import io.lepton.gateway.engine.dp.PrivacyAccountant;
import io.lepton.gateway.engine.dp.PrivacyLedger;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.DpSettings;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.gateway.engine.provenance.BudgetBand;
import io.lepton.gateway.engine.provenance.ProvenanceEncoder;
import io.lepton.gateway.engine.sanitize.DpRelease;
import io.lepton.gateway.engine.sanitize.RecordSanitizer;
import io.lepton.gateway.engine.sanitize.SanitizationException;
import io.lepton.gateway.engine.sanitize.SanitizedEvent;
import io.lepton.schemas.BudgetOutcome;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.avro.generic.GenericRecord;

/**
 * Releases one event under its subject's privacy budget: asks the jurisdiction's {@link PrivacyAccountant} whether the
 * event's privacy loss may be spent, sanitizes with dp fields noised or withheld accordingly (or suppresses the
 * event), and records the charge in the {@link PrivacyLedger} only once sanitization has succeeded, so that a
 * quarantined event costs nothing.
 *
 * <p><b>The privacy unit.</b> The ledger entry is keyed by the subject's id, normalised per policy and HMACed under
 * the jurisdiction's long-lived ledger key ({@link LedgerKeys}), not by its pseudonym: rotating the pseudonym key
 * leaves every spend in place. The period comes from {@link BudgetTime}: the event's {@code occurredAt} only within
 * the policy's window around the gateway's clock (outside it the event is quarantined as
 * {@code event-time-out-of-range}), so a producer cannot mint budget periods by dating events. A duplicate of an
 * event already charged in the period (same id and dp values) is released again, charged nothing: its noise is
 * reproducible, so it releases the identical value.
 */
final class PrivacyGate {

    private final Map<String, PrivacyAccountant> accountants = new HashMap<>();
    private final LedgerKeys ledgerKeys;
    private final BudgetTime budgetTime;

    PrivacyGate(PolicySet policies, LedgerKeys ledgerKeys, BudgetTime budgetTime) {
        this.ledgerKeys = ledgerKeys;
        this.budgetTime = budgetTime;
        for (JurisdictionPolicy policy : policies.all()) {
            DpSettings dp = policy.dp();
            double delta = "gaussian".equals(dp.mechanism()) ? dp.delta() : 0;
            accountants.put(policy.id(), new PrivacyAccountant(
                    new BudgetPolicy(dp.budgetEpsilon(), delta, dp.budgetPeriod())));
        }
    }

    /** The accountant of {@code jurisdiction}, for reports and tests of its budget in its own measure. */
    PrivacyAccountant accountant(String jurisdiction) {
        return accountants.get(jurisdiction);
    }

    /**
     * @param provenance the encoder of {@code sanitizer}'s (jurisdiction, family)
     * @throws SanitizationException when the event cannot be sanitized safely (nothing is charged)
     */
    Outcome release(RecordSanitizer sanitizer, ProvenanceEncoder provenance, GenericRecord raw, PrivacyLedger ledger) {
        JurisdictionPolicy policy = sanitizer.policy();
        EventFamily family = sanitizer.family();
        if (!sanitizer.hasDpFields() || !policy.dp().enabled()) {
            DpRelease release = sanitizer.hasDpFields() ? DpRelease.WITHHOLD : DpRelease.RELEASE;
            SanitizedEvent event = sanitizer.sanitize(raw, release);
            BudgetOutcome outcome = release == DpRelease.RELEASE ? BudgetOutcome.RELEASED : BudgetOutcome.WITHHELD;
            return released(policy, family, event, provenance, release, new BudgetResult(outcome, false, 0),
                    BudgetBand.NOT_APPLICABLE);
        }
        String subject = sanitizer.requireSubjectKey(raw);
        OptionalLong periodTime = budgetTime.periodTime(sanitizer.family().occurredAt(raw), policy.dp().maxEventAge(),
                policy.dp().maxClockSkew());
        if (periodTime.isEmpty()) {
            throw new SanitizationException(QuarantineReason.EVENT_TIME_OUT_OF_RANGE, "occurredAt is outside [now - " + policy.dp().maxEventAge()
                    + ", now + " + policy.dp().maxClockSkew() + "] on the gateway clock; a budget period cannot be "
                    + "chosen by the producer (replay historic input with --event-time)");
        }
        String ledgerKey = ledgerKeys.subjectKey(policy.id(), sanitizer.subjectIdentity(raw));
        BudgetState current = ledger.get(policy.id(), ledgerKey);
        PrivacyAccountant accountant = accountants.get(policy.id());
        String identity = sanitizer.eventIdentity(raw);
        PrivacyAccountant.Decision decision = identity == null
                ? accountant.charge(current, periodTime.getAsLong(), sanitizer.privacyCost())
                : accountant.charge(current, periodTime.getAsLong(), sanitizer.privacyCost(),
                        ledgerKeys.eventTag(policy.id(), identity));
        if (decision.allowed()) {
            SanitizedEvent event = sanitizer.sanitize(raw, subject, DpRelease.RELEASE);
            store(ledger, policy.id(), ledgerKey, current, decision.next());
            double spent = decision.duplicate() ? 0 : sanitizer.epsilonCost();
            return released(policy, family, event, provenance, DpRelease.RELEASE,
                    new BudgetResult(BudgetOutcome.RELEASED, false, spent),
                    BudgetBand.of(decision.remaining(), accountant.budget()));
        }
        if (policy.dp().onExhausted() == DpSettings.OnExhausted.SUPPRESS) {
            // Sanitized (and not written) so that an unsafe event is still quarantined, and for the audit's detections.
            SanitizedEvent event = sanitizer.sanitize(raw, subject, DpRelease.WITHHOLD);
            store(ledger, policy.id(), ledgerKey, current, decision.next());
            return new Outcome.Suppressed(policy, family, AuditRecords.suppressed(sanitizer, raw, event.detections()));
        }
        SanitizedEvent event = sanitizer.sanitize(raw, subject, DpRelease.WITHHOLD);
        store(ledger, policy.id(), ledgerKey, current, decision.next());
        return released(policy, family, event, provenance, DpRelease.WITHHOLD,
                new BudgetResult(BudgetOutcome.WITHHELD, true, 0), BudgetBand.EXHAUSTED);
    }

    private static Outcome.Released released(JurisdictionPolicy policy, EventFamily family, SanitizedEvent event,
            ProvenanceEncoder provenance, DpRelease release, BudgetResult budget, BudgetBand band) {
        return new Outcome.Released(policy, family, event, budget,
                provenance.encode(release, budget.epsilonSpent(), band, event.detections()));
    }

    /** Skips the write (and changelog record) when nothing changed: a refused charge or a duplicate. */
    private static void store(PrivacyLedger ledger, String jurisdiction, String ledgerKey, BudgetState current,
            BudgetState next) {
        if (!next.equals(current)) {
            ledger.put(jurisdiction, ledgerKey, next);
        }
    }
}
