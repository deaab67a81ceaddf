/**
 * Per (jurisdiction, family) sanitizers planned once from the schema and the policy: the derived output schema, field
 * actions, free-text treatment and DP steps; a record that cannot be sanitized safely raises a quarantine reason.
 */
package io.lepton.gateway.engine.sanitize;
