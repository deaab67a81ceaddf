/**
 * Audit roll-ups: the counts that let a compliance officer account for every event of a jurisdiction without one
 * audit record per released event. {@link io.lepton.gateway.engine.audit.RollupTally} counts one window's outcomes,
 * actions, detections and ε of one (jurisdiction, family, policy version) in O(1) per event and encodes itself for a
 * changelogged store; {@link io.lepton.gateway.engine.audit.ActionTable} is what each released event's fields got,
 * fixed per policy version. Plain Java: the topology decides windows and when to emit.
 */
package io.lepton.gateway.engine.audit;
