package io.lepton.serdes;

/**
 * Any other error answer of the registry (e.g. 401/403 bad credentials, 404 unknown subject), with the HTTP status,
 * the Confluent {@code error_code} (-1 when the body had none) and its message. Not permanent by default: such
 * errors come from configuration or registry state, not from the bytes of a record; subclasses name the answers
 * that no retry can fix.
 */
public class RegistryException extends SerdeException {

    private static final long serialVersionUID = 1L;

    /** Confluent error code: subject not found. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** Confluent error code: version not found. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** Confluent error code: schema not found. */
    public static final int SCHEMA_NOT_FOUND = 40403;

    private final int status;
    private final int errorCode;

    public RegistryException(int status, int errorCode, String message) {
        this(status, errorCode, message, false);
    }

    protected RegistryException(int status, int errorCode, String message, boolean permanent) {
        super("Schema registry answered HTTP " + status + " (error_code " + errorCode + "): " + message, permanent);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }
}
