package io.lepton.serdes;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Base of every failure raised by Lepton's serdes and registry client.
 *
 * <p>Why {@link #isPermanent()}: the gateway must decide per record whether to quarantine it (the record itself is
 * bad, so retrying can never help) or to retry / stop (the registry is down, or misconfigured, and the record may
 * be fine). Extends Kafka's {@link SerializationException} so Kafka clients and Kafka Streams' exception handlers
 * treat it as a (de)serialization error.
 */
public class SerdeException extends SerializationException {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public SerdeException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public SerdeException(String message, Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    /**
     * True when the failure is caused by the record (bad magic byte, unknown schema id, malformed payload,
     * incompatible schema): quarantine it. False when the record may be fine and the cause is the registry or the
     * configuration: retry, or stop.
     */
    public boolean isPermanent() {
        return permanent;
    }
}
