package io.lepton.gateway.engine.text;

import java.util.Objects;

/**
 * The policy's bound on free-text size. Scanning is linear, but a record is held in memory while it is processed,
 * so an upper bound keeps one pathological record from dominating a stream thread.
 *
 * @param maxChars the largest text processed whole, in UTF-16 units
 * @param onOversize what happens to longer text
 */
public record TextLimits(int maxChars, Oversize onOversize) {
    /** One mebichar, truncating: a 1 MB chat message is still scrubbed whole. */
    public static final TextLimits DEFAULT = new TextLimits(1 << 20, Oversize.TRUNCATE);

    public TextLimits {
        Objects.requireNonNull(onOversize, "onOversize");
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
        }
    }

    /** What to do with text longer than {@code maxChars}. */
    public enum Oversize {
        /** Keep (and scrub) the first {@code maxChars}, drop the rest, including any PII straddling the cut. */
        TRUNCATE,
        /** Refuse the text with an {@link OversizeTextException}, so the record goes to quarantine. */
        QUARANTINE
    }
}
