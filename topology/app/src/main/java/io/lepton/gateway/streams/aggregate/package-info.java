/**
 * Kafka Streams wiring of the DP windowed aggregates of one jurisdiction and family; every privacy decision is in
 * the engine's {@code io.lepton.gateway.engine.aggregate}.
 *
 * <p>Entry point: {@link io.lepton.gateway.streams.aggregate.DpAggregateTopology#addTo}, which a jurisdiction lane
 * calls once per family with aggregates, with the names it owns. Public: that class, its {@code Settings} and
 * {@code Nodes}, {@link io.lepton.gateway.streams.aggregate.AggregateMetrics} and
 * {@link io.lepton.gateway.streams.aggregate.DpAggregateRecords}; the processors and the store adapter are internal.
 */
package io.lepton.gateway.streams.aggregate;
