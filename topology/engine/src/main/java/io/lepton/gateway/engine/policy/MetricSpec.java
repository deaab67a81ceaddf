package io.lepton.gateway.engine.policy;

import java.util.List;

/**
 * One released statistic of an aggregate.
 *
 * @param name id of the metric in release records, unique in its aggregate
 * @param kind what is computed
 * @param field the summed / averaged / ranked field; null for {@link Kind#COUNT} and {@link Kind#SUBJECTS}
 * @param quantiles the ranks in (0, 1) for {@link Kind#QUANTILES}, empty otherwise
 */
public record MetricSpec(String name, Kind kind, String field, List<Double> quantiles) {

    public MetricSpec {
        quantiles = List.copyOf(quantiles);
    }

    /** The statistics an aggregate can release. */
    public enum Kind {
        /** Events in the group (after contribution bounding). */
        COUNT,
        /** Distinct subjects in the group: the key-selection count itself, released at no extra privacy cost. */
        SUBJECTS,
        /** Sum of a bounded field. */
        SUM,
        /** Mean of a bounded field: noisy centred sum / noisy count. */
        MEAN,
        /** Quantiles of a bounded field, from a noisy tree histogram. */
        QUANTILES
    }
}
