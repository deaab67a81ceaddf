package io.lepton.loadtest.generator;

/** The ways a generated record is broken on purpose, so quarantine has something to show. */
public enum MalformedKind {
    /** Random bytes: not the Confluent wire format at all. */
    GARBAGE_BYTES,
    /** A well-formed Avro event behind a wrong magic byte (as from a producer using another serializer). */
    WRONG_MAGIC_BYTE,
    /** A valid event whose region is not an ISO 3166 code, so no jurisdiction can be chosen. */
    UNKNOWN_REGION
}
