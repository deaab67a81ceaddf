package io.lepton.gateway.streams;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A raw event on its way through the topology: the decoded record for the engine and the original bytes, kept so a
 * record that must be quarantined is quarantined exactly as it arrived (nothing lost, nothing re-encoded).
 *
 * @param rawValue the record value as read from the raw topic (may be null for a tombstone)
 * @param record the decoded event, or null when it could not be decoded
 */
record RoutedEvent(byte[] rawValue, GenericRecord record) {

    /** Writes the original bytes (quarantine sinks); reads bytes back as a not-yet-decoded event. */
    static final Serde<RoutedEvent> RAW_BYTES = Serdes.serdeFrom(
            (topic, event) -> event == null ? null : event.rawValue(),
            (topic, bytes) -> new RoutedEvent(bytes, null));
}
