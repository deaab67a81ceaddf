/**
 * The {@code ./gateway} commands that need no production cluster: replay, dry-run, policy check (and the demo, noise,
 * explain and bench commands as they land). They build the same {@link io.lepton.gateway.engine.GatewayEngine} and
 * {@link io.lepton.gateway.streams.GatewayTopology} as the server, so what they show is what production does.
 */
package io.lepton.gateway.cli;
