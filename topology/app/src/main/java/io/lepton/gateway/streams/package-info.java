/**
 * The Kafka Streams topology: thin wiring that decodes raw records, asks the privacy engine what to do, and writes the
 * result to topics of the event's own jurisdiction. No privacy decision is made here.
 *
 * <p>Entry point: {@link io.lepton.gateway.streams.GatewayTopology#build}.
 */
package io.lepton.gateway.streams;
