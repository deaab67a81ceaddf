package io.lepton.serdes;

/**
 * The registry could not be reached or kept failing (connection refused, timeout, HTTP 5xx or 429) after all
 * configured retries. Transient: the record is probably fine, so it must not be quarantined.
 */
public final class RegistryUnavailableException extends SerdeException {

    private static final long serialVersionUID = 1L;

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause, false);
    }
}
