/**
 * Differential privacy for the gateway: exact noise samplers, per-field noise, reproducible noise keys and the
 * per-subject privacy-budget ledger. Plain Java, no I/O; the topology wires it in.
 *
 * <h2>Threat model and guarantee</h2>
 * The adversary sees every sanitized event and every DP aggregate, knows the code, the policy and all other events,
 * may control the producer's timestamps, subject-id spellings and event ids, and wants to learn one subject's true
 * value of a {@code dp}-tagged field. Each release of such a field is ε-DP (Laplace) or (ε, δ)-DP (Gaussian) with
 * respect to replacing that one value by any other value within the field's declared bounds: for any set S of
 * outputs, {@code P[M(x) ∈ S] <= e^ε · P[M(x') ∈ S] + δ}. The {@link io.lepton.gateway.engine.dp.PrivacyAccountant}
 * caps a subject's releases per aligned period: summed ε for Laplace, summed zCDP ρ converted to (ε, δ) for
 * Gaussian. The period comes from {@link io.lepton.gateway.engine.dp.BudgetTime}, which accepts {@code occurredAt}
 * only near the gateway's clock, so the producer cannot choose it. Noise is drawn from
 * {@link io.lepton.gateway.engine.dp.NoiseKeys}, a keyed PRF of the event, so a repeated release repeats its value
 * and is charged once. Not protected: fields that are not tagged {@code dp}, the fact that a subject sent an event,
 * the event's timing and count, values outside the declared bounds (clamped; the clamping itself is not hidden).
 *
 * <h2>Why exact sampling</h2>
 * Textbook Laplace noise computed as {@code -b·ln(U)} in doubles leaks the input through which doubles can occur
 * (Mironov, CCS 2012). Here noise is drawn on the integers by exact algorithms from random bits
 * ({@link io.lepton.gateway.engine.dp.ExactBernoulli}, {@link io.lepton.gateway.engine.dp.DiscreteLaplace},
 * {@link io.lepton.gateway.engine.dp.DiscreteGaussian}; Canonne, Kamath, Steinke 2020), added to the value rounded
 * to a power-of-two grid ({@link io.lepton.gateway.engine.dp.NoiseSampler}). Their loops are padded so running time
 * barely depends on the noise magnitude.
 *
 * <h2>Public entry points</h2>
 * {@link io.lepton.gateway.engine.dp.FieldNoiser} (numeric fields), {@link io.lepton.gateway.engine.dp.NoiseSampler}
 * (raw noise, the {@code noise} command), {@link io.lepton.gateway.engine.dp.NoiseKeys} (reproducible random bits
 * per context, reusable by DP aggregates), {@link io.lepton.gateway.engine.dp.PrivacyAccountant} with
 * {@link io.lepton.gateway.engine.dp.BudgetPolicy}, {@link io.lepton.gateway.engine.dp.BudgetState} and
 * {@link io.lepton.gateway.engine.dp.BudgetTime}, {@link io.lepton.gateway.engine.dp.PrivacyLedger} (its storage: a
 * state store in the topology, {@link io.lepton.gateway.engine.dp.InMemoryPrivacyLedger} in dry-run),
 * {@link io.lepton.gateway.engine.dp.LedgerPartitioning} (the start-up check of the subject partition count) and
 * {@link io.lepton.gateway.engine.dp.SecureRandomBits} (the fallback for events without an id).
 */
package io.lepton.gateway.engine.dp;
