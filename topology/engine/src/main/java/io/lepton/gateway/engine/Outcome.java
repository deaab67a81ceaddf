package io.lepton.gateway.engine;

import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.sanitize.SanitizedEvent;

/**
 * What the engine decided for one raw event: released (sanitized) in its jurisdiction, or quarantined with a reason.
 *
 * <p>The topology and {@code ./gateway dry-run} both act on this one type, which is what makes their outputs identical.
 */
public sealed interface Outcome {

    /** The topic this outcome is written to. */
    String topic();

    /** The event was sanitized under {@code policy} and goes to the jurisdiction's sanitized topic. */
    record Released(JurisdictionPolicy policy, String family, SanitizedEvent event) implements Outcome {
        @Override
        public String topic() {
            return Topics.sanitized(policy.id(), family);
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
