/**
 * Health that tells the truth: readiness is UP only while Kafka Streams is RUNNING (or briefly REBALANCING) and the
 * schema registry and the broker answer; liveness is DOWN once Streams is in ERROR or NOT_RUNNING or a stream
 * thread died without a replacement. The decisions are plain Java in {@link io.lepton.gateway.health.StreamsHealthRules};
 * the SmallRye Health beans only gather their inputs. They replace Quarkus' own Kafka Streams checks, whose
 * readiness looks only at topics and so stayed UP with Streams in ERROR.
 */
package io.lepton.gateway.health;
