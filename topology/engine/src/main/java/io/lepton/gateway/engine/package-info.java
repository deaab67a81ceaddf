/**
 * The privacy engine: everything that decides what happens to an event, in plain Java over Avro records.
 *
 * <p>It does not depend on Kafka or Quarkus (its module has neither on the class path), so it is unit-testable,
 * benchmarkable, and shared verbatim by the Kafka Streams topology, {@code ./gateway dry-run} and
 * {@code ./gateway explain}. Entry point: {@link io.lepton.gateway.engine.GatewayEngine}.
 */
package io.lepton.gateway.engine;
