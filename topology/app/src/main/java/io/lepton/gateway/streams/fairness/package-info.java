/**
 * The pooled fairness monitor's Kafka Streams nodes for one jurisdiction's lane: a map-side
 * {@link io.lepton.gateway.streams.fairness.PartialCountProcessor} per family, a counts topic keyed by
 * (family, attribute), and a {@link io.lepton.gateway.streams.fairness.PooledMonitorProcessor} that merges every
 * partition's counts and tests them. {@link io.lepton.gateway.streams.fairness.PooledFairnessStage#addTo} adds them
 * and returns their names as a {@link io.lepton.gateway.streams.fairness.FairnessLaneNodes} handle.
 */
package io.lepton.gateway.streams.fairness;
