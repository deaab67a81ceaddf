package io.lepton.gateway.engine.aggregate;

import io.lepton.gateway.engine.dp.NoiseKeys;
import io.lepton.gateway.engine.dp.RandomBits;

/**
 * The {@link NoiseSource} of the gateway: DP v2's jurisdiction noise keys ({@code LEPTON_NOISE_KEY_<J>}), the same
 * HMAC-SHA256 PRF and AES-CTR stream that noise per-event fields, so one secret per jurisdiction makes every DP
 * release of that jurisdiction reproducible and there is one construction to audit.
 *
 * <p>The context is {@code ("dp-aggregate", window start, group, purpose)}. The PRF's input is the length-prefixed
 * encoding of the context list, which is injective over lists of any length, and no family is named
 * {@code dp-aggregate} (the sanitizer's contexts start with the family name), so an aggregate stream never equals a
 * per-event stream.
 */
public final class NoiseKeySource implements NoiseSource {

    /** First context element of every aggregate stream: domain separation from the per-event noise. */
    static final String DOMAIN = "dp-aggregate";

    private final NoiseKeys keys;

    public NoiseKeySource(NoiseKeys keys) {
        this.keys = keys;
    }

    @Override
    public RandomBits bits(String jurisdiction, long windowStart, String group, String purpose) {
        return keys.bitsFor(jurisdiction, DOMAIN, Long.toString(windowStart), group, purpose);
    }
}
