/**
 * The field actions a policy assigns to PII classes (drop, redact, mask, hmac, generalize, keep): each knows the
 * output schema type it produces and whether it can apply to free text, so an unfit policy fails at start-up.
 */
package io.lepton.gateway.engine.action;
