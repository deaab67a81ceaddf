package io.lepton.gateway.engine.fairness.pooled;

import java.util.Map;

/**
 * A fairness alert of the pooled monitor, ready to be written as an Avro {@code FairnessAlert}.
 *
 * @param alertId       deterministic id (a replay produces the same id, so consumers can de-duplicate)
 * @param kind          which horizon raised it
 * @param breach        true for BREACH, false for CLEARED
 * @param metric        the tested metric
 * @param attribute     the protected attribute
 * @param group         the group compared with the reference
 * @param referenceGroup the policy's reference group
 * @param value         the metric's point value on the votes of the window shown
 * @param threshold     the policy's threshold
 * @param eValue        the evidence against fairness: the e-value (wealth of the bet) when the alert was raised
 * @param alphaSpent    the share of the false-alarm budget this test holds (its false-alarm probability bound)
 * @param windowStart   start of the window whose votes the value describes
 * @param windowEnd     end of that window
 * @param roundedSizes  votes per group in that window, rounded by {@link RoundedSizes}
 */
public record PooledAlert(String alertId, Kind kind, boolean breach, PooledMetric metric, String attribute,
                          String group, String referenceGroup, double value, double threshold, double eValue,
                          double alphaSpent, long windowStart, long windowEnd, Map<String, Long> roundedSizes) {

    /** The two horizons under one budget. */
    public enum Kind {
        /** Raised as soon as the period's e-process crosses its threshold, at any flush. */
        SEQUENTIAL,
        /** The verdict on a whole window, at its close. */
        WINDOW
    }

    public PooledAlert {
        roundedSizes = Map.copyOf(roundedSizes);
    }
}
