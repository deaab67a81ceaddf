package io.lepton.gateway.engine.fairness;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Chooses which pair of groups a metric reports: every group against the most-favoured group (highest rate), the
 * pair with the worst value wins, except that a significant breach outranks a worse but non-significant value, so a
 * tiny noisy group cannot mask a real disparity. Groups below the minimum sample size take part only when fewer
 * than two groups have enough data, and then the verdict is {@link Verdict#INSUFFICIENT_DATA}.
 */
final class PairwiseComparison {

    /** The tested pair: {@code group} against {@code reference}. */
    record Outcome(String group, String reference, double value, ConfidenceInterval interval, Verdict verdict) {

        Outcome withVerdict(Verdict newVerdict) {
            return new Outcome(group, reference, value, interval, newVerdict);
        }
    }

    /** Computes value, interval and an OK / BREACH verdict for a group against the reference. */
    @FunctionalInterface
    interface PairTest {
        Outcome test(String group, String reference);
    }

    private PairwiseComparison() {
    }

    /**
     * @param rates       the rate that ranks groups (most favoured = highest), for groups where it is defined
     * @param sampleSizes per group, the number of events behind its rate
     * @param worseFirst  orders outcomes from worst value to best
     * @return empty when fewer than two groups have a defined rate: there is nothing to compare
     */
    static Optional<Outcome> worstAgainstMostFavoured(SortedMap<String, Double> rates, Map<String, Long> sampleSizes,
                                                      long minSamples, PairTest test,
                                                      Comparator<Outcome> worseFirst) {
        if (rates.size() < 2) {
            return Optional.empty();
        }
        SortedMap<String, Double> eligible = new TreeMap<>();
        rates.forEach((group, rate) -> {
            if (sampleSizes.get(group) >= minSamples) {
                eligible.put(group, rate);
            }
        });
        boolean sufficient = eligible.size() >= 2;
        SortedMap<String, Double> pool = sufficient ? eligible : rates;
        String reference = mostFavoured(pool);
        List<Outcome> outcomes = pool.keySet().stream()
                .filter(group -> !group.equals(reference))
                .map(group -> test.test(group, reference))
                .toList();
        if (!sufficient) {
            return outcomes.stream().min(worseFirst).map(o -> o.withVerdict(Verdict.INSUFFICIENT_DATA));
        }
        Comparator<Outcome> breachesFirst = Comparator.comparing(o -> o.verdict() != Verdict.BREACH);
        return outcomes.stream().min(breachesFirst.thenComparing(worseFirst));
    }

    private static String mostFavoured(SortedMap<String, Double> rates) {
        String best = null;
        double bestRate = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Double> entry : rates.entrySet()) {
            if (entry.getValue() > bestRate) {
                best = entry.getKey();
                bestRate = entry.getValue();
            }
        }
        return best;
    }
}
