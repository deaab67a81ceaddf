package io.lepton.loadtest.generator;

import org.apache.avro.specific.SpecificRecord;

/** One record for a {@code raw.<family>} topic: a well-formed event, or raw bytes that are broken on purpose. */
public sealed interface SyntheticRecord {

    /** The raw topic it belongs on. */
    String topic();

    /** The record key: the event's subject id. */
    String key();

    /** The family name ({@code customer-service}, {@code recommendation}, {@code financial-sentiment}). */
    String family();

    /** How the record is broken on purpose, or null for a well-formed event. */
    MalformedKind malformed();

    /**
     * A valid event, to be serialized with the registry. An {@link MalformedKind#UNKNOWN_REGION} event is one of
     * these too (its bytes are fine; only its region is not).
     *
     * @param malformed {@link MalformedKind#UNKNOWN_REGION} or null
     */
    record Event(String topic, String key, String family, SpecificRecord value, MalformedKind malformed)
            implements SyntheticRecord {}

    /** Bytes to produce as they are. */
    record RawBytes(String topic, String key, String family, byte[] value, MalformedKind malformed)
            implements SyntheticRecord {}
}
