package io.lepton.gateway;

import io.lepton.gateway.engine.LaneTopics;
import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.policy.PolicySet;

/** Topic names of the built-in policies' lanes by jurisdiction id and family name, for assertions. */
public final class TestTopics {

    public static final String UNROUTED = LaneTopics.UNROUTED_QUARANTINE;

    private static final EventFamilies FAMILIES = EventFamilies.discover();
    private static final PolicySet POLICIES = PolicySet.builtIn(PiiCatalog.knownClasses(FAMILIES));

    private TestTopics() {}

    public static LaneTopics lane(String jurisdiction) {
        return LaneTopics.of(POLICIES.byId(jurisdiction).orElseThrow());
    }

    public static String sanitized(String jurisdiction, String family) {
        return lane(jurisdiction).sanitized(FAMILIES.byName(family).orElseThrow());
    }

    public static String audit(String jurisdiction) {
        return lane(jurisdiction).audit();
    }

    public static String quarantine(String jurisdiction) {
        return lane(jurisdiction).quarantine();
    }

    public static String alerts(String jurisdiction) {
        return lane(jurisdiction).fairnessAlerts();
    }
}
