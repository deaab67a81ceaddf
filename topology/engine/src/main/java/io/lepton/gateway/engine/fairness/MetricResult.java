package io.lepton.gateway.engine.fairness;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One metric evaluated for one protected attribute in one window: the compared pair, the point value with its
 * confidence interval, the threshold and the verdict. It carries everything a {@code FairnessAlert} needs except
 * the window and policy identity, which the topology adds.
 *
 * @param metric             {@link FairnessMetric#id()}
 * @param attribute          the protected attribute, e.g. {@code gender} or {@code ageBand}
 * @param disadvantagedGroup the group with the worst value against the reference
 * @param referenceGroup     the most-favoured group (highest rate) among groups with enough data
 * @param value              the metric for the pair, e.g. disparate impact 0.6875
 * @param ciLow              lower confidence bound of {@code value}
 * @param ciHigh             upper confidence bound of {@code value}
 * @param threshold          the threshold the interval was compared with
 * @param verdict            OK, BREACH or INSUFFICIENT_DATA
 * @param sampleSizes        per group, the denominator of the metric's rate (events, labelled positives, …)
 */
public record MetricResult(String metric, String attribute, String disadvantagedGroup, String referenceGroup,
                           double value, double ciLow, double ciHigh, double threshold, Verdict verdict,
                           Map<String, Long> sampleSizes) {

    /** Copies the sample sizes into an immutable map ordered by group name. */
    public MetricResult {
        sampleSizes = Collections.unmodifiableMap(new TreeMap<>(sampleSizes));
    }

    /** Whether the point value is on the unfair side of the threshold, significant or not. */
    public boolean pointBeyondThreshold() {
        return FairnessMetric.ofId(metric).beyond(value, threshold);
    }
}
