package io.lepton.gateway.engine.sanitize;

import io.lepton.gateway.engine.QuarantineReason;

/**
 * A record that cannot be sanitized safely; the caller quarantines it with {@link #reason()} as the reason header.
 *
 * <p>Messages never contain field values: they end up in headers and logs.
 */
public final class SanitizationException extends RuntimeException {

    private final QuarantineReason reason;

    public SanitizationException(QuarantineReason reason, String detail) {
        super(reason.headerValue() + ": " + detail);
        this.reason = reason;
    }

    public QuarantineReason reason() {
        return reason;
    }
}
