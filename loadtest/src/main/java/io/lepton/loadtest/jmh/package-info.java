/**
 * JMH micro-benchmarks of the gateway's hot-path parts (serde, field actions, DP samplers, free-text scrubbing, a
 * whole engine pass) over generated events; run from the command line as the README shows, never in the build.
 */
package io.lepton.loadtest.jmh;
