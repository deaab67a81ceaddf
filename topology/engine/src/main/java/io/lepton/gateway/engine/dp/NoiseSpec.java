package io.lepton.gateway.engine.dp;

/**
 * What one noise addition must guarantee: mechanism, privacy parameters and the sensitivity of the value it protects.
 *
 * @param mechanism   Laplace (pure ε-DP) or Gaussian ((ε, δ)-DP)
 * @param epsilon     the per-release ε, finite and in (0, 100]
 * @param delta       Gaussian: δ in (0, 1); Laplace: must be 0 (pure DP has no δ, so a non-zero δ is a policy error)
 * @param sensitivity the largest change of the value between neighbouring inputs, finite and positive
 */
public record NoiseSpec(Mechanism mechanism, double epsilon, double delta, double sensitivity) {

    /** ε above this gives no meaningful protection; it is rejected as a likely policy typo. */
    static final double MAX_EPSILON = 100;

    public NoiseSpec {
        if (mechanism == null) {
            throw new IllegalArgumentException("mechanism is required");
        }
        if (!(epsilon > 0 && epsilon <= MAX_EPSILON)) {
            throw new IllegalArgumentException("epsilon must be in (0, " + MAX_EPSILON + "], got " + epsilon);
        }
        if (!(sensitivity > 0 && Double.isFinite(sensitivity))) {
            throw new IllegalArgumentException("sensitivity must be finite and positive, got " + sensitivity);
        }
        if (mechanism == Mechanism.LAPLACE && delta != 0) {
            throw new IllegalArgumentException("the Laplace mechanism is pure ε-DP: delta must be 0, got " + delta);
        }
        if (mechanism == Mechanism.GAUSSIAN && !(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("the Gaussian mechanism needs delta in (0, 1), got " + delta);
        }
    }

    /** A Laplace spec: pure ε-DP for values whose neighbours differ by at most {@code sensitivity}. */
    public static NoiseSpec laplace(double epsilon, double sensitivity) {
        return new NoiseSpec(Mechanism.LAPLACE, epsilon, 0, sensitivity);
    }

    /** A Gaussian spec: (ε, δ)-DP for values whose neighbours differ by at most {@code sensitivity}. */
    public static NoiseSpec gaussian(double epsilon, double delta, double sensitivity) {
        return new NoiseSpec(Mechanism.GAUSSIAN, epsilon, delta, sensitivity);
    }
}
