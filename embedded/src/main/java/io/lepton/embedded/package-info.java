/**
 * A real Kafka broker (in-process KRaft) and a real Apicurio schema registry (child process), both on 127.0.0.1,
 * for tests, {@code ./gateway replay} and {@code ./gateway demo}. Public: {@link io.lepton.embedded.EmbeddedKafka},
 * {@link io.lepton.embedded.ApicurioRegistry}, {@link io.lepton.embedded.EmbeddedEnvironment}; the JUnit extension
 * lives in {@code io.lepton.embedded.junit}. Never part of the production gateway.
 */
package io.lepton.embedded;
