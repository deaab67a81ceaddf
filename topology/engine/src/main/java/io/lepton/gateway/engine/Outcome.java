package io.lepton.gateway.engine;

import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.sanitize.SanitizedEvent;
import io.lepton.schemas.AuditRecord;

/**
 * What the engine decided for one raw event: released (sanitized) in its jurisdiction, suppressed because the
 * subject's privacy budget is spent, or quarantined with a reason.
 *
 * <p>The topology and {@code ./gateway dry-run} both act on this one type, which is what makes their outputs identical.
 * Released and suppressed events carry their audit record, written to {@link Topics#audit(String)}.
 */
public sealed interface Outcome {

    /** The topic the event itself is written to (for a suppressed event, only its audit record is written). */
    String topic();

    /** The event was sanitized under {@code policy} and goes to the jurisdiction's sanitized topic. */
    record Released(JurisdictionPolicy policy, String family, SanitizedEvent event, AuditRecord audit)
            implements Outcome {
        @Override
        public String topic() {
            return Topics.sanitized(policy.id(), family);
        }
    }

    /**
     * The subject's budget is spent and the policy says {@code onExhausted: suppress}: no sanitized record is written,
     * only the audit record.
     */
    record Suppressed(JurisdictionPolicy policy, String family, AuditRecord audit) implements Outcome {
        @Override
        public String topic() {
            return Topics.audit(policy.id());
        }
    }

    /**
     * The event could not be processed safely; its raw bytes go to the quarantine topic of {@code jurisdiction}
     * ({@code null}: unrouted), which lives in that jurisdiction's zone.
     */
    record Quarantined(String jurisdiction, String reason, String detail) implements Outcome {
        @Override
        public String topic() {
            return jurisdiction == null ? Topics.QUARANTINE_UNROUTED : Topics.quarantine(jurisdiction);
        }
    }
}
