package io.lepton.gateway.engine.sanitize;

/**
 * A record that cannot be sanitized safely; the caller quarantines it with {@link #reason()} as the reason header.
 *
 * <p>Messages never contain field values: they end up in headers and logs.
 */
public final class SanitizationException extends RuntimeException {

    private final String reason;

    public SanitizationException(String reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    /** A short machine-readable reason code, e.g. {@code missing-subject} or {@code oversize-text}. */
    public String reason() {
        return reason;
    }
}
