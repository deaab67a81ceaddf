/**
 * Quarkus wiring for production ({@code ./gateway run}): configuration, CDI producers and start-up checks. It only
 * assembles the engine and calls {@link io.lepton.gateway.streams.GatewayTopology#build}; Quarkus runs the result.
 * It also exports the running policy versions ({@link io.lepton.gateway.app.RunningPolicies}, {@code /policies}).
 */
package io.lepton.gateway.app;
