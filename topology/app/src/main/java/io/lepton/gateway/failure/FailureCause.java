package io.lepton.gateway.failure;

import io.lepton.serdes.SerdeException;
import java.io.IOException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.TopologyException;

/**
 * Why something failed, as far as the decision "retry, quarantine or stop" needs to know.
 *
 * <p>Why walk the cause chain: Kafka Streams wraps what a processor or serializer threw in a
 * {@link org.apache.kafka.streams.errors.StreamsException} (sometimes twice), so the outer type says nothing; the
 * innermost cause we recognise decides.
 */
public enum FailureCause {

    /**
     * The environment, not the record: registry or broker unreachable, a timeout, a retriable Kafka error. The
     * same record will probably succeed later, so it must be retried, never quarantined.
     */
    TRANSIENT,
    /**
     * The deployment is wrong (bad or missing settings, missing topics, refused credentials, an incompatible
     * schema): no retry can fix it, so the client stops with a reason.
     */
    CONFIGURATION,
    /** Anything else, e.g. a bug that one record triggers. */
    UNKNOWN;

    private static final int MAX_DEPTH = 16;

    /** Classifies {@code failure} by the first cause in its chain that says which kind it is. */
    public static FailureCause of(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            FailureCause known = direct(cause);
            if (known != null) {
                return known;
            }
        }
        return UNKNOWN;
    }

    private static FailureCause direct(Throwable cause) {
        if (cause instanceof SerdeException serde) {
            // A permanent serde failure of an output (e.g. incompatible schema) is a deployment error: inputs
            // that are permanently bad are quarantined by the decoder before they reach anything that throws.
            return serde.isPermanent() ? CONFIGURATION : TRANSIENT;
        }
        if (cause instanceof ConfigException || cause instanceof TopologyException
                || cause instanceof MissingSourceTopicException || cause instanceof AuthenticationException
                || cause instanceof AuthorizationException) {
            return CONFIGURATION;
        }
        if (cause instanceof RetriableException || cause instanceof IOException
                || cause instanceof java.util.concurrent.TimeoutException) {
            return TRANSIENT;
        }
        return null;
    }
}
