/**
 * {@code ./gateway bench}: the gateway topology against a pass-through baseline on the embedded broker and registry,
 * in one JVM, on the same pre-serialized input. {@link io.lepton.gateway.cli.bench.BenchRunner} runs the phases,
 * {@link io.lepton.gateway.cli.bench.BenchReport} prints the table; the other types are the pieces they use.
 */
package io.lepton.gateway.cli.bench;
