package io.lepton.gateway.engine.dp;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Adds DP noise to real values through the integers: the value is rounded to a power-of-two grid, integer noise
 * (discrete Laplace or discrete Gaussian, sampled exactly) is added in grid units, and the result is scaled back.
 *
 * <p>This is the design of Google's "secure noise generation": the granularity is the smallest power of two
 * {@code g >= scale / 2^40}, so the noise spans about 2^40 grid points per scale unit and no single point carries a
 * visible share of the probability, while every output is a grid point regardless of the input, so the set of
 * possible outputs reveals nothing (Mironov's attack on floating-point Laplace works exactly through that set).
 *
 * <p>Calibration, in grid units: rounding moves each input by at most g/2, so neighbours differ by at most
 * {@code Δ_g = ceil(Δ/g) + 1} grid units. Laplace: integer scale {@code t = ceil(Δ_g/ε)}, checked exactly, giving
 * pure (Δ_g/t)-DP with Δ_g/t ≤ ε. Gaussian: σ_g = the smallest integer with Δ_g²/(2σ_g²) ≤ ρ, where ρ comes from
 * {@link GaussianCalibration}, giving ρ-zCDP and hence (ε, δ)-DP. The rounding adds a relative 2^-38/ε of noise
 * at most: negligible.
 *
 * <p>Outputs are grid points as long as |value|/g stays below 2^53; beyond that the final double addition rounds
 * the exact grid sum to the nearest double, which is post-processing of the private integer result and keeps the
 * guarantee. Thread-safe when its {@link RandomBits} is.
 */
public final class NoiseSampler {

    /** Grid points per scale unit, as in Google's secure noise: g = 2^ceil(log2(scale / 2^40)). */
    static final int GRID_BITS_PER_SCALE = 40;

    private final NoiseSpec spec;
    private final double granularity;
    private final IntegerNoise noise;
    private final double scale;
    private final double rho;
    private final RandomBits bits;

    private NoiseSampler(NoiseSpec spec, double granularity, IntegerNoise noise, double scaleInGridUnits, double rho,
            RandomBits bits) {
        this.spec = spec;
        this.granularity = granularity;
        this.noise = noise;
        this.scale = scaleInGridUnits * granularity;
        this.rho = rho;
        this.bits = bits;
    }

    /**
     * A sampler calibrated to {@code spec}, drawing randomness from {@code bits} unless a call passes its own
     * (production passes a {@link NoiseKeys} stream per release).
     */
    public static NoiseSampler of(NoiseSpec spec, RandomBits bits) {
        if (spec == null || bits == null) {
            throw new IllegalArgumentException("spec and bits are required");
        }
        return switch (spec.mechanism()) {
            case LAPLACE -> laplace(spec, bits);
            case GAUSSIAN -> gaussian(spec, bits);
        };
    }

    private static NoiseSampler laplace(NoiseSpec spec, RandomBits bits) {
        double granularity = granularityFor(spec.sensitivity() / spec.epsilon());
        long sensitivityUnits = sensitivityInGridUnits(spec.sensitivity(), granularity);
        BigDecimal epsilon = new BigDecimal(spec.epsilon());
        BigDecimal sensitivity = BigDecimal.valueOf(sensitivityUnits);
        long t = (long) Math.ceil(sensitivityUnits / spec.epsilon());
        // Make t exactly the smallest integer with t·ε >= Δ_g, whatever the rounding of the division above.
        while (BigDecimal.valueOf(t).multiply(epsilon).compareTo(sensitivity) < 0) {
            t++;
        }
        while (t > 1 && BigDecimal.valueOf(t - 1).multiply(epsilon).compareTo(sensitivity) >= 0) {
            t--;
        }
        return new NoiseSampler(spec, granularity, new DiscreteLaplace(t, 1), t, Double.NaN, bits);
    }

    private static NoiseSampler gaussian(NoiseSpec spec, RandomBits bits) {
        double rho = GaussianCalibration.rho(spec.epsilon(), spec.delta());
        double granularity = granularityFor(spec.sensitivity() / Math.sqrt(2 * rho));
        long sensitivityUnits = sensitivityInGridUnits(spec.sensitivity(), granularity);
        BigDecimal twoRho = new BigDecimal(rho).multiply(BigDecimal.valueOf(2));
        BigDecimal sensitivitySquared = BigDecimal.valueOf(sensitivityUnits).pow(2);
        long sigma = (long) Math.ceil(sensitivityUnits / Math.sqrt(2 * rho));
        // Make σ_g exactly the smallest integer with 2ρ·σ_g² >= Δ_g², i.e. ρ-zCDP in grid units.
        while (twoRho.multiply(BigDecimal.valueOf(sigma).pow(2)).compareTo(sensitivitySquared) < 0) {
            sigma++;
        }
        while (sigma > 1 && twoRho.multiply(BigDecimal.valueOf(sigma - 1).pow(2)).compareTo(sensitivitySquared) >= 0) {
            sigma--;
        }
        BigInteger s = BigInteger.valueOf(sigma);
        // The realized ρ = Δ_g²/(2σ_g²) <= the calibrated ρ, rounded up so the ledger never under-charges.
        double realizedRho = Math.nextUp((double) sensitivityUnits * sensitivityUnits / (2.0 * sigma * sigma));
        return new NoiseSampler(spec, granularity, new DiscreteGaussian(s.multiply(s), BigInteger.ONE), sigma,
                realizedRho, bits);
    }

    /** The smallest power of two at least {@code scale / 2^40}. */
    static double granularityFor(double scale) {
        if (!(scale > 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("noise scale must be finite and positive, got " + scale);
        }
        double fine = Math.scalb(scale, -GRID_BITS_PER_SCALE);
        int exponent = Math.getExponent(fine);
        double power = Math.scalb(1.0, exponent);
        double granularity = power == fine ? power : Math.scalb(1.0, exponent + 1);
        if (!(granularity >= Double.MIN_NORMAL && Double.isFinite(granularity))) {
            throw new IllegalArgumentException("noise scale " + scale + " is outside the supported range");
        }
        return granularity;
    }

    private static long sensitivityInGridUnits(double sensitivity, double granularity) {
        return (long) Math.ceil(sensitivity / granularity) + 1; // exact: dividing by a power of two
    }

    /** The spec this sampler was calibrated to. */
    public NoiseSpec spec() {
        return spec;
    }

    /** The grid spacing: every noise sample is an integer multiple of it. A power of two. */
    public double granularity() {
        return granularity;
    }

    /**
     * The noise parameter actually used, in value units: the Laplace scale b (variance 2b² in the continuum limit)
     * or the Gaussian σ. Slightly above Δ/ε resp. the calibrated σ because of the grid rounding.
     */
    public double scale() {
        return scale;
    }

    /**
     * The zCDP ρ of one Gaussian release, {@code Δ_g²/(2σ_g²)} in grid units (at most the ρ the spec's (ε, δ) was
     * calibrated to); what the zCDP ledger charges.
     *
     * @throws IllegalStateException for a Laplace sampler, which is accounted in pure ε
     */
    public double rho() {
        if (spec.mechanism() != Mechanism.GAUSSIAN) {
            throw new IllegalStateException("Laplace releases are accounted in ε, not ρ");
        }
        return rho;
    }

    /** {@code value} rounded to the grid plus one noise sample from this sampler's own bits. */
    public double addNoise(double value) {
        return addNoise(value, bits);
    }

    /**
     * {@code value} rounded to the grid plus one noise sample drawn from {@code randomBits}: with a stream from
     * {@link NoiseKeys}, the same value and stream give the same result, which is what makes releases reproducible.
     */
    public double addNoise(double value, RandomBits randomBits) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite");
        }
        double onGrid = Math.rint(value / granularity) * granularity;
        return onGrid + noise.sample(randomBits) * granularity;
    }

    /** One noise sample (noise only, no value): the exact code path of {@link #addNoise}, for the noise CLI. */
    public double sample() {
        return noise.sample(bits) * granularity;
    }
}
