package io.lepton.gateway.engine.fairness.pooled;

import java.util.List;

/**
 * What operators may see of one (family, attribute) in the window shown on sequential alerts (the oldest window
 * still open): only groups with at least the policy's {@code minSamplesPerGroup} votes, with their sizes rounded by
 * {@link RoundedSizes}, and only metric values whose two groups both pass that gate. A group below the gate is left
 * out rather than shown as 0 or 1, which for a one-person group would tell that person's decision.
 *
 * @param windowStart start of the window described
 * @param groups      the groups at or above the gate
 * @param metrics     each tested metric of each shown non-reference group against the shown reference group
 */
public record WindowView(long windowStart, List<Group> groups, List<Metric> metrics) {

    public WindowView {
        groups = List.copyOf(groups);
        metrics = List.copyOf(metrics);
    }

    /**
     * @param group            the group
     * @param roundedVotes     its votes (one per subject and pane), rounded
     * @param selectionRate    positive decisions / votes; NaN for a ranking attribute
     * @param truePositiveRate positive decisions among labelled-positive votes; NaN when the family has no labels or
     *                         the group's labelled-positive votes are below the gate
     * @param exposurePerRelevance for a ranking attribute, mean exposure / mean relevance of the group's impressions
     *                         (Singh &amp; Joachims); NaN for a decision attribute or without relevance
     */
    public record Group(String group, long roundedVotes, double selectionRate, double truePositiveRate,
                        double exposurePerRelevance) {
    }

    /**
     * @param metric the metric's identifier
     * @param group  the group compared with the reference group
     * @param value  the metric's point value
     */
    public record Metric(String metric, String group, double value) {
    }
}
