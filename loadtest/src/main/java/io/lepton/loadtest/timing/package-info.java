/**
 * Timing measurements of the DP samplers: how long one noise sample takes depending on the magnitude of the noise it
 * draws, the side channel issue #13 asks to measure. Plain mains, run from the command line; not benchmarks of
 * throughput (see {@code io.lepton.loadtest.jmh} for those).
 */
package io.lepton.loadtest.timing;
