package io.lepton.gateway.engine;

import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.provenance.Provenance;
import io.lepton.gateway.engine.sanitize.SanitizedEvent;
import io.lepton.schemas.AuditRecord;

/**
 * What the engine decided for one raw event: released (sanitized) in its jurisdiction, suppressed because the
 * subject's privacy budget is spent, or quarantined with a reason.
 *
 * <p>The topology and {@code ./gateway dry-run} both act on this one type, which is what makes their outputs identical.
 * A released event carries its {@link Provenance provenance headers}; an event without a sanitized record (suppressed,
 * or quarantined in a jurisdiction) carries its audit record, written to the lane's {@link LaneTopics#audit() audit
 * topic}. Every event of a lane is also counted in the lane's audit roll-ups.
 */
public sealed interface Outcome {

    /** The topic the event itself is written to (for a suppressed event, only its audit record is written). */
    String topic();

    /**
     * The event was sanitized under {@code policy} and goes to the jurisdiction's sanitized topic, with
     * {@code provenance} as its headers; no audit record is written for it.
     */
    record Released(JurisdictionPolicy policy, EventFamily family, SanitizedEvent event, BudgetResult budget,
            Provenance provenance) implements Outcome {
        @Override
        public String topic() {
            return LaneTopics.of(policy).sanitized(family);
        }
    }

    /**
     * The subject's budget is spent and the policy says {@code onExhausted: suppress}: no sanitized record is written,
     * only the audit record.
     */
    record Suppressed(JurisdictionPolicy policy, EventFamily family, AuditRecord audit) implements Outcome {
        @Override
        public String topic() {
            return LaneTopics.of(policy).audit();
        }
    }

    /**
     * The event could not be processed safely; its raw bytes go to the quarantine topic of {@code policy}'s lane, which
     * lives in that jurisdiction's zone, or to {@link LaneTopics#UNROUTED_QUARANTINE} when {@code policy} is null.
     *
     * @param detail a human-readable explanation that never contains a field value
     * @param audit the audit record of an event quarantined in a jurisdiction; null when unrouted (no jurisdiction,
     *     so no audit topic)
     */
    record Quarantined(JurisdictionPolicy policy, QuarantineReason reason, String detail, AuditRecord audit)
            implements Outcome {

        /** A quarantine without an audit record: the event has no jurisdiction (or none could be read). */
        public Quarantined(JurisdictionPolicy policy, QuarantineReason reason, String detail) {
            this(policy, reason, detail, null);
        }

        @Override
        public String topic() {
            return policy == null ? LaneTopics.UNROUTED_QUARANTINE : LaneTopics.of(policy).quarantine();
        }
    }
}
