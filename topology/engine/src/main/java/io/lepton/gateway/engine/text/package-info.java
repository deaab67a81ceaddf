/**
 * Free-text PII detection and scrubbing, in linear time on untrusted text.
 *
 * <p>Public: {@link io.lepton.gateway.engine.text.FreeTextScanner} (finds typed spans),
 * {@link io.lepton.gateway.engine.text.FreeTextScrubber} (replaces them, plus the record's own linked values, under a
 * size limit), {@link io.lepton.gateway.engine.text.Replacers} (placeholder, mask, HMAC pseudonym) and the value
 * types they exchange. Everything else is package-private: one hand-written tokenizer pass finds candidate spans and
 * hands each to a structural validator (checksums, ranges, libphonenumber), so no backtracking regex ever runs on the
 * text and every candidate is length-capped, which keeps the work proportional to the input length.
 */
package io.lepton.gateway.engine.text;
