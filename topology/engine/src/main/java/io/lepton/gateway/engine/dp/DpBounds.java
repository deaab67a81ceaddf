package io.lepton.gateway.engine.dp;

/**
 * The declared range of a {@code dp}-tagged field (the schema's {@code "dp": {"min": .., "max": ..}}). Inputs are
 * clamped into it, which is what bounds the sensitivity: replacing one event's value by any other changes it by at
 * most {@code max - min}.
 */
public record DpBounds(double min, double max) {

    public DpBounds {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
            throw new IllegalArgumentException("dp bounds need finite min < max, got [" + min + ", " + max + "]");
        }
    }

    /** The per-event sensitivity under value replacement. */
    public double width() {
        return max - min;
    }

    /** {@code value} clamped into [min, max]. */
    public double clamp(double value) {
        return Math.max(min, Math.min(max, value));
    }
}
