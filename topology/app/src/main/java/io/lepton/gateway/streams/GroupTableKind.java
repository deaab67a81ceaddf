package io.lepton.gateway.streams;

import io.lepton.gateway.engine.fairness.ExposureStats;
import io.lepton.gateway.engine.fairness.FairnessEvaluator;
import io.lepton.gateway.engine.fairness.FairnessMetrics;
import io.lepton.gateway.engine.fairness.FairnessThresholds;
import io.lepton.gateway.engine.fairness.GroupStats;
import io.lepton.gateway.engine.fairness.MetricResult;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * How one kind of per-group counter table is merged, stored, sized, evaluated and shown as gauges: decision
 * counters ({@link GroupStats}) or ranking impressions ({@link ExposureStats}). Lets the fairness monitor handle
 * both with one code path.
 */
record GroupTableKind<T>(BinaryOperator<T> merge, Function<T, byte[]> toBytes, Function<byte[], T> fromBytes,
                         ToLongFunction<T> size, Evaluation<T> evaluation, Rates<T> rates) {

    /** Decisions per group: parity, disparate impact, equal opportunity, equalized odds. */
    static final GroupTableKind<GroupStats> DECISIONS = new GroupTableKind<>(GroupStats::merge, GroupStats::toBytes,
            GroupStats::fromBytes, GroupStats::n, FairnessEvaluator::evaluate, (table, sink) -> {
                sink.accept("selection", FairnessMetrics.selectionRates(table));
                sink.accept("true_positive", FairnessMetrics.truePositiveRates(table));
            });

    /** Impressions per provider group: ranking exposure against relevance. */
    static final GroupTableKind<ExposureStats> IMPRESSIONS = new GroupTableKind<>(ExposureStats::merge,
            ExposureStats::toBytes, ExposureStats::fromBytes, ExposureStats::n, FairnessEvaluator::evaluateExposure,
            (table, sink) -> {
                sink.accept("exposure_share", FairnessMetrics.exposureShares(table));
                sink.accept("relevance_share", FairnessMetrics.relevanceShares(table));
            });

    /** The evaluator's entry point for this kind of table. */
    @FunctionalInterface
    interface Evaluation<T> {
        List<MetricResult> evaluate(FairnessEvaluator evaluator, String attribute, SortedMap<String, T> table,
                                    FairnessThresholds thresholds);
    }

    /** Publishes the table's per-group rates, by rate name. */
    @FunctionalInterface
    interface Rates<T> {
        void publish(SortedMap<String, T> table, BiConsumer<String, Map<String, Double>> byRateName);
    }

    /**
     * Whether at least two groups of {@code table} reach {@code minSamples}: below that every metric is insufficient
     * data (each compares two groups, each gated on its own sample size), which changes no alert state, so the
     * evaluation can be skipped.
     */
    boolean comparable(Map<String, T> table, long minSamples) {
        int sufficient = 0;
        for (T stats : table.values()) {
            if (size.applyAsLong(stats) >= minSamples && ++sufficient == 2) {
                return true;
            }
        }
        return false;
    }
}
