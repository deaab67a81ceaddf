package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Topics;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;

/**
 * Registers every derived sanitized schema under its topic's subject at start-up.
 *
 * <p>A policy change that would break downstream readers (an incompatible schema under the subject's compatibility
 * rule) then stops the gateway before it writes anything, instead of failing on the first record of that kind.
 */
public final class SanitizedSchemas {

    private SanitizedSchemas() {}

    /** Returns the number of subjects registered. */
    public static int registerAll(GatewayEngine engine, RecordCodec codec) {
        int count = 0;
        for (JurisdictionPolicy policy : engine.policies().all()) {
            for (EventFamily family : engine.families().all()) {
                codec.registerValueSchema(Topics.sanitized(policy, family),
                        engine.sanitizer(policy.id(), family.name()).outputSchema());
                count++;
            }
        }
        return count;
    }
}
