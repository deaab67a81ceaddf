package io.lepton.gateway.streams;

import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A raw event on its way through the topology: the original bytes, kept so a record that must be quarantined is
 * quarantined exactly as it arrived (nothing lost, nothing re-encoded), and once decoded and routed, the record and
 * its jurisdiction, so no later step routes it again.
 *
 * @param rawValue the record value as read from the raw topic (may be null for a tombstone)
 * @param record the decoded event, or null when it has not been (or could not be) decoded
 * @param policy the jurisdiction the router chose, or null before routing
 */
record RoutedEvent(byte[] rawValue, GenericRecord record, JurisdictionPolicy policy) {

    /** Writes the original bytes (quarantine sinks, subject hop); reads bytes back as a not-yet-decoded event. */
    static final Serde<RoutedEvent> RAW_BYTES = Serdes.serdeFrom(
            (topic, event) -> event == null ? null : event.rawValue(),
            (topic, bytes) -> new RoutedEvent(bytes, null, null));

    static RoutedEvent undecoded(byte[] rawValue) {
        return new RoutedEvent(rawValue, null, null);
    }
}
