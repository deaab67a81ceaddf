/**
 * User-level differentially private windowed aggregates: the only derived data a {@code crossBorder:
 * aggregates-only} jurisdiction may send out of its zone.
 *
 * <p>The pipeline for one declared aggregate ({@link io.lepton.gateway.engine.policy.AggregateSpec}):
 * <ol>
 *   <li>{@link io.lepton.gateway.engine.aggregate.AggregateQuery} binds the declaration to its family's schema and
 *       turns an event into a {@link io.lepton.gateway.engine.aggregate.Contribution} (a keyed subject token, the
 *       group key and the clamped, grid-quantized values; no other field survives);</li>
 *   <li>{@link io.lepton.gateway.engine.aggregate.WindowedAggregator} bounds each subject's contributions
 *       (L0 groups per window, L∞ events per group, by a keyed sample: {@link
 *       io.lepton.gateway.engine.aggregate.SubjectWindow}; at most {@code maxWindowsPerPeriod} windows per budget
 *       period: {@link io.lepton.gateway.engine.aggregate.WindowAllowance}), keeps that state in a byte-keyed store
 *       the caller provides ({@link io.lepton.gateway.engine.aggregate.ByteStore}, a changelogged Kafka Streams store
 *       in the app), and closes windows on stream time plus grace, exactly once
 *       ({@link io.lepton.gateway.engine.aggregate.WindowClock});</li>
 *   <li>{@link io.lepton.gateway.engine.aggregate.WindowRelease} sums the bounded contributions per group, keeps
 *       only groups whose noisy distinct-subject count passes the key-selection threshold
 *       ({@link io.lepton.gateway.engine.aggregate.KeySelection}) and noises every metric with the exact discrete
 *       samplers, calibrated to the bounded sensitivity ({@link io.lepton.gateway.engine.aggregate.ComponentNoise}),
 *       from randomness keyed by (jurisdiction, window, group, metric) ({@link
 *       io.lepton.gateway.engine.aggregate.NoiseSource}) so a restart re-releases identical values.</li>
 * </ol>
 * Public: the classes above and {@link io.lepton.gateway.engine.aggregate.AggregateRelease}; everything else is an
 * implementation detail. No Kafka types: the app adapts {@code ByteStore} and the punctuation.
 */
package io.lepton.gateway.engine.aggregate;
