package io.lepton.gateway.streams;

import io.lepton.gateway.engine.QuarantineReason;
import io.lepton.serdes.SerdeException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Headers written on every quarantined record, so an operator can tell why it is there and where it came from
 * without reading the (raw, personal) payload. Values never contain field values.
 *
 * <p>The source headers name the raw topic, partition and offset the record was first read from: they are stamped
 * before the subject repartition hop and never overwritten after it.
 */
public final class QuarantineHeaders {

    public static final String REASON = "lepton.quarantine.reason";
    public static final String DETAIL = "lepton.quarantine.detail";
    public static final String SOURCE_TOPIC = "lepton.source.topic";
    public static final String SOURCE_PARTITION = "lepton.source.partition";
    public static final String SOURCE_OFFSET = "lepton.source.offset";
    /** The producer's record key, carried across the subject repartition hop (which re-keys by pseudonym). */
    static final String SOURCE_KEY = "lepton.source.key";

    private QuarantineHeaders() {}

    /** The detail of an {@code undecodable} quarantine: the failure's type and message, which name no value. */
    public static String undecodableDetail(SerdeException failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    static void add(Headers headers, QuarantineReason reason, String detail, RecordMetadata source) {
        put(headers, REASON, reason.headerValue());
        put(headers, DETAIL, detail);
        addSource(headers, source);
    }

    /** Records where the record came from, unless an earlier step already did. */
    static void addSource(Headers headers, RecordMetadata source) {
        if (source != null && headers.lastHeader(SOURCE_TOPIC) == null) {
            put(headers, SOURCE_TOPIC, source.topic());
            put(headers, SOURCE_PARTITION, Integer.toString(source.partition()));
            put(headers, SOURCE_OFFSET, Long.toString(source.offset()));
        }
    }

    /** Removes source headers a producer may have set itself, so that only the gateway's own are trusted. */
    static void clearSource(Headers headers) {
        headers.remove(SOURCE_TOPIC);
        headers.remove(SOURCE_PARTITION);
        headers.remove(SOURCE_OFFSET);
        headers.remove(SOURCE_KEY);
    }

    /** Keeps the producer's key (possibly raw PII, like the value) for a quarantine after the hop. */
    static void keepOriginalKey(Headers headers, byte[] key) {
        if (key != null && headers.lastHeader(SOURCE_KEY) == null) {
            headers.add(SOURCE_KEY, key);
        }
    }

    /** Removes and returns the key kept by {@link #keepOriginalKey}, or {@code fallback} when there is none. */
    static byte[] takeOriginalKey(Headers headers, byte[] fallback) {
        Header header = headers.lastHeader(SOURCE_KEY);
        headers.remove(SOURCE_KEY);
        return header == null ? fallback : header.value();
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
