/**
 * Differential privacy for the gateway: exact noise samplers, per-field noise, randomized response and the
 * per-subject privacy-budget ledger. Plain Java, no I/O; the topology wires it in.
 *
 * <h2>Threat model and guarantee</h2>
 * The adversary sees every sanitized event and every DP aggregate, knows the code, the policy and all other events,
 * and wants to learn one subject's true value of a {@code dp}-tagged field. Each release of such a field is
 * ε-DP (Laplace, randomized response) or (ε, δ)-DP (Gaussian) with respect to replacing that one value by any
 * other value within the field's declared bounds: for any set S of outputs,
 * {@code P[M(x) ∈ S] <= e^ε · P[M(x') ∈ S] + δ}. The {@link io.lepton.gateway.engine.dp.PrivacyAccountant} caps the
 * sum of those ε per subject per aligned period (basic sequential composition). Not protected: fields that are not
 * tagged {@code dp} (other actions handle them), the fact that a subject sent an event, the event's timing and
 * count (only the budget limits how many releases there are), and values outside the declared bounds (they are
 * clamped, so the release reveals nothing more than the clamped value, but the clamping itself is not hidden).
 *
 * <h2>Why exact sampling</h2>
 * Textbook Laplace noise computed as {@code -b·ln(U)} in doubles leaks the input through which doubles can occur
 * (Mironov, CCS 2012). Here noise is drawn on the integers by exact algorithms from random bits
 * ({@link io.lepton.gateway.engine.dp.ExactBernoulli}, {@link io.lepton.gateway.engine.dp.DiscreteLaplace},
 * {@link io.lepton.gateway.engine.dp.DiscreteGaussian}; Canonne, Kamath, Steinke 2020), added to the value rounded
 * to a power-of-two grid ({@link io.lepton.gateway.engine.dp.NoiseSampler}), and randomness comes from per-thread
 * AES-256-CTR keyed by a {@code DRBG} {@code SecureRandom} ({@link io.lepton.gateway.engine.dp.SecureRandomBits}).
 *
 * <h2>Public entry points</h2>
 * {@link io.lepton.gateway.engine.dp.FieldNoiser} (numeric fields), {@link io.lepton.gateway.engine.dp.NoiseSampler}
 * (raw noise, the {@code noise} command), {@link io.lepton.gateway.engine.dp.RandomizedResponse} (categorical fields),
 * {@link io.lepton.gateway.engine.dp.PrivacyAccountant} with {@link io.lepton.gateway.engine.dp.BudgetPolicy} and
 * {@link io.lepton.gateway.engine.dp.BudgetState} (the ledger), {@link io.lepton.gateway.engine.dp.PrivacyLedger} (its
 * storage: a state store in the topology, {@link io.lepton.gateway.engine.dp.InMemoryPrivacyLedger} in dry-run),
 * {@link io.lepton.gateway.engine.dp.SecureRandomBits}.
 */
package io.lepton.gateway.engine.dp;
