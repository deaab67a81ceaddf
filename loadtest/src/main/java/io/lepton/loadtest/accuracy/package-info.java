/**
 * The accuracy harness of the DP aggregates: a seeded synthetic stream with a long tail of group sizes, the
 * aggregates released by the engine at the built-in policy's settings, and the local-DP alternative (averaging
 * per-event noised fields) beside them. Entry point: {@link io.lepton.loadtest.accuracy.AggregateAccuracyMain}.
 */
package io.lepton.loadtest.accuracy;
