/**
 * Keyed pseudonyms: HMAC-SHA256 under rotatable key ids, with keys only from the environment or a secret directory,
 * never from policies or the repository.
 */
package io.lepton.gateway.engine.crypto;
