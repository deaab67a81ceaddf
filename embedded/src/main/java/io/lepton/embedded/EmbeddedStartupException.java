package io.lepton.embedded;

/**
 * Thrown when the embedded broker or registry cannot be started or configured. Unchecked: callers (tests, demo,
 * replay) cannot recover, and the message says what failed and what to do.
 */
public final class EmbeddedStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedStartupException(String message) {
        super(message);
    }

    public EmbeddedStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
