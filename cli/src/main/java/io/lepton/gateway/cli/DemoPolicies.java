package io.lepton.gateway.cli;

import io.lepton.gateway.engine.policy.AggregateSettings;
import io.lepton.gateway.engine.policy.AggregateSpec;
import io.lepton.gateway.engine.policy.FairnessSettings;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's policies: the built-in ones, derived in code (never copied, so they cannot drift), with fairness windows
 * of 30 s advancing every 10 s and a sample gate of 50, so the generator's injected bias raises an alert within the
 * first minute, and DP aggregate windows of 30 s with 5 s grace, so releases appear within the first minute. A
 * subject may join the same share of aggregate windows per budget period as under the built-in policy (4 of 24
 * hourly windows a day become 480 of 2,880 half-minute ones): the same shape of release, a weaker guarantee per
 * day, which the {@code -demo} suffix on every version (and so on every audit and release record) makes visible.
 */
final class DemoPolicies {

    static final Duration WINDOW = Duration.ofSeconds(30);
    static final Duration ADVANCE = Duration.ofSeconds(10);
    static final Duration GRACE = Duration.ofSeconds(5);
    static final long MIN_SAMPLES = 50;
    static final Duration AGGREGATE_WINDOW = Duration.ofSeconds(30);
    static final Duration AGGREGATE_GRACE = Duration.ofSeconds(5);

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
                p.dp(), shortWindows, p.source(), shortAggregates(p.aggregates()));
    }

    /** Every aggregate on 30-second windows, allowed windows per period scaled by the windows' length ratio. */
    private static AggregateSettings shortAggregates(AggregateSettings a) {
        Map<String, List<AggregateSpec>> byFamily = new LinkedHashMap<>();
        long scale = 1;
        for (var family : a.byFamily().entrySet()) {
            byFamily.put(family.getKey(), family.getValue().stream().map(DemoPolicies::shortWindow).toList());
            for (AggregateSpec spec : family.getValue()) {
                scale = Math.max(scale, spec.windowSize().dividedBy(AGGREGATE_WINDOW));
            }
        }
        return new AggregateSettings(Math.toIntExact(a.maxWindowsPerPeriod() * scale), byFamily);
    }

    private static AggregateSpec shortWindow(AggregateSpec s) {
        return new AggregateSpec(s.name(), s.family(), s.groupBy(), AGGREGATE_WINDOW, AGGREGATE_GRACE,
                s.maxGroupsPerSubject(), s.maxContributionsPerGroup(), s.mechanism(), s.epsilon(), s.rho(),
                s.delta(), s.metrics(), s.source());
    }
}
