package io.lepton.gateway.engine.policy;

import java.time.Duration;
import java.util.Map;

/**
 * A jurisdiction's fairness-monitor settings: windows, sample-size gate, thresholds, false-alarm budget and reference
 * groups; the one definition of the monitor's thresholds.
 *
 * @param enabled whether the monitor runs for this jurisdiction
 * @param windowSize length of a hopping window
 * @param windowAdvance hop between window starts
 * @param grace how late an event may arrive and still count in its window
 * @param minSamplesPerGroup below this a group is reported as insufficient data, never as a breach
 * @param minDisparateImpact H0 of the disparate-impact test: a group's selection rate is at least this share of the
 *     reference group's (four-fifths rule: 0.8)
 * @param maxParityDifference H0 of the statistical-parity test: the selection rates differ by at most this
 * @param maxEqualOpportunityDifference H0 of the equal-opportunity test: the true-positive rates differ by at most this
 * @param minExposureRatio H0 of the exposure test: min/max of a provider group's and the reference group's exposure
 *     per unit of relevance (Singh &amp; Joachims) is at least this
 * @param maxGroupsPerAttribute bound on distinct groups per attribute (bounds state and metric cardinality)
 * @param falseAlarmBudget probability of any false BREACH per period, spent by the pooled monitor's tests
 * @param referenceGroups per attribute, the privileged group every other group is compared with (AIF360's
 *                        {@code privileged_groups}); an attribute without one is described but never tested
 */
public record FairnessSettings(
        boolean enabled,
        Duration windowSize,
        Duration windowAdvance,
        Duration grace,
        long minSamplesPerGroup,
        double minDisparateImpact,
        double maxParityDifference,
        double maxEqualOpportunityDifference,
        double minExposureRatio,
        int maxGroupsPerAttribute,
        FalseAlarmBudget falseAlarmBudget,
        Map<String, String> referenceGroups) {

    public FairnessSettings {
        referenceGroups = Map.copyOf(referenceGroups);
    }
}
