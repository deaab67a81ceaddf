/**
 * Synthetic raw events for demos, load tests and detector tests, usable against any Kafka and Confluent-API schema
 * registry.
 *
 * <p>Public entry points: {@link io.lepton.loadtest.generator.EventGenerator} (seeded, deterministic records of the
 * three families, configured by {@link io.lepton.loadtest.generator.GeneratorConfig} with an injected
 * {@link io.lepton.loadtest.generator.BiasConfig} and a malformed share),
 * {@link io.lepton.loadtest.generator.RecordPublisher} (wire-format Avro to Kafka),
 * {@link io.lepton.loadtest.generator.GeneratorRun} with {@link io.lepton.loadtest.generator.RateLimiter} (produce at
 * a rate on a thread) and {@link io.lepton.loadtest.generator.GeneratorMain} (standalone command).
 *
 * <p>All personal data is invented: names from common-name lists, e-mail addresses under {@code example.*}
 * domains, fictional phone ranges where countries reserve them, and identifiers that are only checksum-valid.
 * Checksums ({@link io.lepton.loadtest.generator.IdentifierChecksums}) are implemented independently of the engine's
 * detectors on purpose.
 */
package io.lepton.loadtest.generator;
