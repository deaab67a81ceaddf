package io.lepton.gateway.engine.aggregate;

import io.lepton.gateway.engine.dp.DpBounds;

/**
 * The integer grid on which one bounded field is summed and noised: a value is clamped to the field's bounds and
 * rounded to a multiple of {@code step}, the smallest power of two at least {@code width / 2^16}.
 *
 * <p>Integers make the tallies exact and additive and let the exact discrete samplers noise them directly; a
 * power-of-two step makes {@code units · step} exact in floating point, so every released value is a grid point
 * whatever the data (the output set carries no information, as in Google's secure-noise design). Rounding moves each
 * value by at most step/2 = width/2^17: a relative bias far below the noise, named in the README.
 */
final class ValueGrid {

    static final int RESOLUTION_BITS = 16;

    private final DpBounds bounds;
    private final double step;
    private final long minUnits;
    private final long maxUnits;

    ValueGrid(DpBounds bounds) {
        this.bounds = bounds;
        double fine = Math.scalb(bounds.width(), -RESOLUTION_BITS);
        int exponent = Math.getExponent(fine);
        double power = Math.scalb(1.0, exponent);
        this.step = power >= fine ? power : Math.scalb(1.0, exponent + 1);
        this.minUnits = Math.round(bounds.min() / step);
        this.maxUnits = Math.round(bounds.max() / step);
    }

    DpBounds bounds() {
        return bounds;
    }

    double step() {
        return step;
    }

    /** {@code value} clamped to the bounds, in grid units. */
    long units(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("a bounded field's value is not a number");
        }
        return Math.max(minUnits, Math.min(maxUnits, Math.round(bounds.clamp(value) / step)));
    }

    long minUnits() {
        return minUnits;
    }

    long maxUnits() {
        return maxUnits;
    }

    /** The grid point nearest the middle of the range: the centre of a mean's centred sum. */
    long midUnits() {
        return Math.floorDiv(minUnits + maxUnits, 2);
    }

    /** The largest |units| a contribution can have: one contribution's weight in a plain sum. */
    long maxAbsUnits() {
        return Math.max(Math.abs(minUnits), Math.abs(maxUnits));
    }

    /** The largest |units - mid|: one contribution's weight in a centred sum. */
    long maxCentredUnits() {
        return Math.max(maxUnits - midUnits(), midUnits() - minUnits);
    }

    double value(double units) {
        return units * step;
    }
}
