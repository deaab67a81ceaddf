package io.lepton.gateway.engine.sanitize;

import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * The result of sanitizing one event.
 *
 * @param key the pseudonymized subject: the sanitized record key, so downstream joins by subject still work
 * @param value the sanitized record, conforming to the sanitizer's derived output schema
 * @param detections PII found in free text, counted by type (never the values)
 */
public record SanitizedEvent(String key, GenericRecord value, Map<String, Integer> detections) {

    public SanitizedEvent {
        detections = Map.copyOf(detections);
    }
}
