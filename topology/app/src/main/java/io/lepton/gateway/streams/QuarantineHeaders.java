package io.lepton.gateway.streams;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Headers written on every quarantined record, so an operator can tell why it is there and where it came from
 * without reading the (raw, personal) payload. Values never contain field values.
 */
public final class QuarantineHeaders {

    public static final String REASON = "lepton.quarantine.reason";
    public static final String DETAIL = "lepton.quarantine.detail";
    public static final String SOURCE_TOPIC = "lepton.source.topic";
    public static final String SOURCE_PARTITION = "lepton.source.partition";
    public static final String SOURCE_OFFSET = "lepton.source.offset";

    private QuarantineHeaders() {}

    static void add(Headers headers, String reason, String detail, RecordMetadata source) {
        put(headers, REASON, reason);
        put(headers, DETAIL, detail);
        if (source != null) {
            put(headers, SOURCE_TOPIC, source.topic());
            put(headers, SOURCE_PARTITION, Integer.toString(source.partition()));
            put(headers, SOURCE_OFFSET, Long.toString(source.offset()));
        }
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
