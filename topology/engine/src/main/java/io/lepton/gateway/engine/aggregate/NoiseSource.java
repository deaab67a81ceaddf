package io.lepton.gateway.engine.aggregate;

import io.lepton.gateway.engine.dp.RandomBits;

/**
 * Keyed randomness for aggregate releases: the bits for one (jurisdiction, window, group, purpose) are a pure
 * function of a secret key and those four values, so a restarted or re-balanced task that re-closes a window draws the
 * very same noise (a fresh draw would let an observer average two releases of one value). The gateway's is
 * {@link NoiseKeySource}, on the jurisdiction's noise key (DP v2's {@code NoiseKeys}).
 *
 * <p>Purposes used: a metric component ({@code count}, {@code sum/<field>}, ...), the key-selection count
 * ({@code subjects}), and the keyed ranks of contribution bounding ({@code rank/...}). Different purposes must give
 * independent streams; the same arguments must give the same stream.
 */
@FunctionalInterface
public interface NoiseSource {

    /** A fresh reader of the stream for these arguments, positioned at its start. */
    RandomBits bits(String jurisdiction, long windowStart, String group, String purpose);
}
