package io.lepton.serdes;

/** The payload is too short for the wire-format header, or its Avro body does not decode with the writer schema. */
public final class MalformedPayloadException extends SerdeException {

    private static final long serialVersionUID = 1L;

    public MalformedPayloadException(String message) {
        super(message, true);
    }

    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause, true);
    }
}
