package io.lepton.gateway.engine.aggregate;

import io.lepton.gateway.engine.dp.Mechanism;
import io.lepton.gateway.engine.policy.MetricSpec;
import java.util.Map;

/**
 * One released statistic: a noisy metric of one group in one closed window, with everything needed to use it
 * correctly (the noise's 95% interval, the privacy parameters, the bounds and the contribution limits). The app maps
 * it 1:1 onto the Avro {@code DpAggregate} record.
 *
 * @param windowStart window start, epoch ms (inclusive)
 * @param windowEnd window end, epoch ms (exclusive)
 * @param jurisdiction the releasing jurisdiction
 * @param policyVersion version of the policy that declared the aggregate
 * @param family event family
 * @param aggregate the aggregate's name
 * @param group group-by field → value (empty for an aggregate without group-by fields)
 * @param metric the metric's name
 * @param kind what the metric computes
 * @param field the field summed / averaged / ranked, or null
 * @param quantile the rank of a quantile release, or null
 * @param value the noisy value
 * @param intervalLow lower end of the central 95% interval of the noise around {@code value}, or null (quantiles)
 * @param intervalHigh upper end of that interval, or null
 * @param mechanism the noise mechanism
 * @param epsilon ε of the whole window release of this aggregate (all metrics and key selection together)
 * @param delta δ of the whole window release
 * @param rho ρ (zCDP) of the window release for Gaussian noise, null for Laplace
 * @param boundsMin lower clamp bound of {@code field}, or null
 * @param boundsMax upper clamp bound of {@code field}, or null
 * @param maxGroupsPerSubject L0
 * @param maxContributionsPerGroup L∞
 * @param maxWindowsPerPeriod windows of this aggregate one subject joins per budget period
 * @param keySelectionThreshold τ the group's noisy distinct-subject count passed
 */
public record AggregateRelease(
        long windowStart,
        long windowEnd,
        String jurisdiction,
        String policyVersion,
        String family,
        String aggregate,
        Map<String, String> group,
        String metric,
        MetricSpec.Kind kind,
        String field,
        Double quantile,
        double value,
        Double intervalLow,
        Double intervalHigh,
        Mechanism mechanism,
        double epsilon,
        double delta,
        Double rho,
        Double boundsMin,
        Double boundsMax,
        int maxGroupsPerSubject,
        int maxContributionsPerGroup,
        int maxWindowsPerPeriod,
        long keySelectionThreshold) {

    public AggregateRelease {
        group = Map.copyOf(group);
    }
}
