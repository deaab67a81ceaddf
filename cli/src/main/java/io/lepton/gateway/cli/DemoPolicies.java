package io.lepton.gateway.cli;

import io.lepton.gateway.engine.policy.FairnessSettings;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import java.time.Duration;

/**
 * The demo's policies: the built-in ones, derived in code (never copied, so they cannot drift), with fairness windows
 * of 30 s advancing every 10 s and a sample gate of 50, so the generator's injected bias raises an alert within the
 * first minute. Versions get a {@code -demo} suffix so audit records show which rules were in force.
 */
final class DemoPolicies {

    static final Duration WINDOW = Duration.ofSeconds(30);
    static final Duration ADVANCE = Duration.ofSeconds(10);
    static final Duration GRACE = Duration.ofSeconds(5);
    static final long MIN_SAMPLES = 50;

    private DemoPolicies() {}

    static PolicySet derive(PolicySet builtIn) {
        return PolicySet.of(builtIn.all().stream().map(DemoPolicies::demo).toList());
    }

    private static JurisdictionPolicy demo(JurisdictionPolicy p) {
        FairnessSettings f = p.fairness();
        FairnessSettings shortWindows = new FairnessSettings(f.enabled(), WINDOW, ADVANCE, GRACE, MIN_SAMPLES,
                f.minDisparateImpact(), f.maxParityDifference(), f.maxEqualOpportunityDifference(),
                f.minExposureRatio(), f.maxGroupsPerAttribute(), f.falseAlarmBudget(), f.referenceGroups());
        return new JurisdictionPolicy(p.id(), p.name(), p.version() + "-demo", p.regions(), p.residencyZone(),
                p.crossBorder(), p.pseudonymKeyId(), p.subjectIdentity(), p.actions(), p.defaultAction(), p.freeText(),
                p.dp(), shortWindows, p.source(), p.aggregates());
    }
}
