package io.lepton.gateway.engine.fairness.pooled;

/**
 * Group sizes as operators see them: rounded half up to a multiple of {@value #STEP}, so an alert or gauge does not
 * reveal the exact number of people of a small group (in particular whether one more person arrived). Groups below
 * the sample gate are never shown at all.
 */
public final class RoundedSizes {

    /** The rounding step. */
    public static final long STEP = 10;

    private RoundedSizes() {}

    public static long round(long count) {
        return (count + STEP / 2) / STEP * STEP;
    }
}
