package io.lepton.gateway.engine;

import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;

/**
 * Every topic name the gateway reads or writes, in one place, shared by the topology, the command line and tests.
 *
 * <p>Names embed the jurisdiction so that residency can be enforced (and audited) per topic: a Kafka ACL or a
 * MirrorMaker filter on {@code *.cn-pipl.*} is enough to keep a zone's data in its zone.
 */
public final class Topics {

    /** Records whose region is missing or not an ISO 3166 code, and bytes that cannot be decoded at all. */
    public static final String QUARANTINE_UNROUTED = "quarantine.unrouted";
    /** Fairness alerts (aggregates only, no person-level data). */
    public static final String FAIRNESS_ALERTS = "fairness.alerts";

    private Topics() {}

    public static String raw(String family) {
        return "raw." + family;
    }

    public static String sanitized(String jurisdiction, String family) {
        return "sanitized." + jurisdiction + "." + family;
    }

    public static String sanitized(JurisdictionPolicy policy, EventFamily family) {
        return sanitized(policy.id(), family.name());
    }

    public static String quarantine(String jurisdiction) {
        return "quarantine." + jurisdiction;
    }

    public static String audit(String jurisdiction) {
        return "privacy.audit." + jurisdiction;
    }

    public static String dpAggregates(String family) {
        return "dp-aggregates." + family;
    }
}
