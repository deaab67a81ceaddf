package io.lepton.gateway.engine.text;

import java.util.Objects;

/**
 * One detected span of personal data: {@code text.subSequence(start, end)} is a value of {@code type}.
 *
 * @param start inclusive start index (UTF-16 units)
 * @param end exclusive end index
 * @param type what was found
 */
public record Detection(int start, int end, TextPiiType type) {
    public Detection {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }

    /** Length of the span in UTF-16 units. */
    public int length() {
        return end - start;
    }
}
