/**
 * What the gateway tells downstream consumers about each sanitized record, without a second write: compact
 * provenance headers (policy and its version, per-field actions, free-text detection counts, DP mechanism and ε
 * charged, a coarse budget band, gateway version).
 *
 * <p>Public: {@link io.lepton.gateway.engine.provenance.ProvenanceHeaders} (the header names, the size bound and the
 * value grammar: a contract with consumers), {@link io.lepton.gateway.engine.provenance.ProvenanceEncoder} (one per
 * jurisdiction and family, built at start-up) and the {@link io.lepton.gateway.engine.provenance.Provenance} of one
 * record. Headers are made from the policy, the schema and counts only, never from a field's value.
 */
package io.lepton.gateway.engine.provenance;
