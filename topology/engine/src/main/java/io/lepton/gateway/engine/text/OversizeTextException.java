package io.lepton.gateway.engine.text;

/**
 * Free text longer than the policy's {@link TextLimits#maxChars()} under {@link TextLimits.Oversize#QUARANTINE}. The
 * message carries sizes only, never the text, so it can be logged and put in a quarantine reason header.
 */
public final class OversizeTextException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int length;
    private final int maxChars;

    public OversizeTextException(int length, int maxChars) {
        super("free text of " + length + " chars exceeds the policy limit of " + maxChars + " chars");
        this.length = length;
        this.maxChars = maxChars;
    }

    public int length() {
        return length;
    }

    public int maxChars() {
        return maxChars;
    }
}
