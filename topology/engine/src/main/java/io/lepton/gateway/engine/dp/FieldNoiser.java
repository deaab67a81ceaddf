package io.lepton.gateway.engine.dp;

/**
 * Noise for one {@code dp}-tagged field of one event: clamp the input to the field's bounds, add noise calibrated to
 * sensitivity {@code max - min} (the neighbouring event may carry any other in-range value), and optionally clamp the
 * output back into range.
 *
 * <p>Output clamping is post-processing, so it never weakens privacy, but it biases: near a bound, the mass that
 * noise pushes outside piles up on the bound, so the mean of noised values moves towards the middle of the range
 * and sums or averages over clamped outputs are no longer unbiased. Policies choose it when downstream consumers
 * need in-range values (e.g. a 1-5 rating); leave it off when the output feeds aggregates.
 */
public final class FieldNoiser {

    private final DpBounds bounds;
    private final boolean clampOutput;
    private final NoiseSampler sampler;

    /**
     * @param fallbackBits randomness for the calls that pass none (events without an id, tests); production
     *     releases pass a reproducible stream per (event, field) instead
     */
    public FieldNoiser(DpBounds bounds, Mechanism mechanism, double epsilon, double delta, boolean clampOutput,
            RandomBits fallbackBits) {
        if (bounds == null) {
            throw new IllegalArgumentException("bounds are required");
        }
        this.bounds = bounds;
        this.clampOutput = clampOutput;
        this.sampler = NoiseSampler.of(new NoiseSpec(mechanism, epsilon, delta, bounds.width()), fallbackBits);
    }

    /** The noised value of a real-valued field, with the fallback bits. */
    public double noise(double value) {
        return noise(value, null);
    }

    /** The noised value of a real-valued field, drawing from {@code bits} ({@code null}: the fallback bits). */
    public double noise(double value, RandomBits bits) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("cannot noise NaN: the field value is not a number");
        }
        double clamped = bounds.clamp(value);
        double noised = bits == null ? sampler.addNoise(clamped) : sampler.addNoise(clamped, bits);
        return clampOutput ? bounds.clamp(noised) : noised;
    }

    /** {@code value} clamped into the bounds: what the release depends on, so what the noise context names. */
    public double clamp(double value) {
        return bounds.clamp(value);
    }

    /**
     * The noised value of an integer field: the real-valued noised value rounded to the nearest integer
     * (post-processing), clamped into the integers within the bounds if configured. Saturates at the long range.
     */
    public long noise(long value) {
        return noise(value, null);
    }

    /** As {@link #noise(long)}, drawing from {@code bits} ({@code null}: the fallback bits). */
    public long noise(long value, RandomBits bits) {
        double clamped = bounds.clamp(value);
        long rounded = Math.round(bits == null ? sampler.addNoise(clamped) : sampler.addNoise(clamped, bits));
        if (!clampOutput) {
            return rounded;
        }
        return Math.max((long) Math.ceil(bounds.min()), Math.min((long) Math.floor(bounds.max()), rounded));
    }

    /** The sampler in use, for its granularity and scale. */
    public NoiseSampler sampler() {
        return sampler;
    }
}
