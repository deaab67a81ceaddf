package io.lepton.gateway.engine.dp;

/**
 * The additive noise mechanisms a policy can choose for a {@code dp}-tagged numeric field.
 *
 * <p>{@link #LAPLACE}: discrete Laplace noise, pure ε-DP (δ = 0). {@link #GAUSSIAN}: discrete Gaussian noise,
 * (ε, δ)-DP with lighter tails, preferable when many releases are composed.
 */
public enum Mechanism {
    LAPLACE,
    GAUSSIAN
}
