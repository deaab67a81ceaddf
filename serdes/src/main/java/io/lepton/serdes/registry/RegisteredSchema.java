package io.lepton.serdes.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/** One schema version as the registry stores it: subject, global id, version within the subject, schema. */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {

    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
