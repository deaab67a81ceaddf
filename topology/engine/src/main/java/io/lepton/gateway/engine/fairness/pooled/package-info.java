/**
 * Pooled, anytime-valid fairness monitoring: per-task vote counts ({@link
 * io.lepton.gateway.engine.fairness.pooled.PartialCounts}, O(1) and allocation-free per event) flushed as compact
 * {@link io.lepton.gateway.engine.fairness.pooled.CountDelta}s, merged per (family, attribute) by a
 * {@link io.lepton.gateway.engine.fairness.pooled.PooledFairnessMonitor}, which runs sequential tests by betting
 * ({@link io.lepton.gateway.engine.fairness.pooled.BettingEProcess}) on decision rates and on ranking exposure
 * ({@link io.lepton.gateway.engine.fairness.pooled.PooledMetric}) under the policy's false-alarm budget
 * ({@link io.lepton.gateway.engine.fairness.pooled.AlphaAllocation}).
 *
 * <p>Plain Java, no Kafka: the topology moves deltas between tasks and keeps the monitor's state in a store.
 */
package io.lepton.gateway.engine.fairness.pooled;
