/**
 * Statistics core of the online fairness monitor: mergeable per-group counters, the Fairlearn / AIF360 metric
 * definitions, confidence intervals for proportions, the significance-gated evaluator and the alert state machine.
 *
 * <p>Plain Java with no Kafka dependency: the topology keeps {@link io.lepton.gateway.engine.fairness.GroupStats} and
 * {@link io.lepton.gateway.engine.fairness.ExposureStats} in window stores (via their {@code toBytes}/{@code fromBytes}
 * forms), so state is bounded by groups × windows, never by events. Public entry points:
 * {@link io.lepton.gateway.engine.fairness.FairnessEvaluator} (counts → verdicts) and
 * {@link io.lepton.gateway.engine.fairness.AlertTracker} (verdicts → de-duplicated BREACH / CLEARED alerts).
 */
package io.lepton.gateway.engine.fairness;
