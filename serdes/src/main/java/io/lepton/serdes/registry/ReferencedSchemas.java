package io.lepton.serdes.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.lepton.serdes.SerdeException;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * Parses a registry answer ({@code {"schema": ..., "references": [{"name", "subject", "version"}]}}) whose Avro
 * schema may name types that are defined under other subjects: Confluent's schema references, which its serializers
 * in every language, its JavaScript client and Apicurio's ccompat API support.
 *
 * <p>Why: a producer that keeps a shared type (an enum, an address record) under its own subject writes values whose
 * schema does not parse on its own. Without the referenced types the gateway could not read any of its records. The
 * referenced schemas are fetched depth first, each (subject, version) once, and parsed into the same Avro parser
 * before the schema that names them.
 */
final class ReferencedSchemas {

    /** Fetches {@code GET /subjects/{subject}/versions/{version}}. */
    @FunctionalInterface
    interface VersionFetcher {
        JsonNode fetch(String subject, String version);
    }

    private ReferencedSchemas() {}

    /**
     * The schema of {@code answer} with every type it references defined.
     *
     * @throws SerdeException (permanent) when the schema or a referenced one is not valid Avro: a schema under an id
     *     or version never changes, so asking again cannot help
     */
    static Schema parse(JsonNode answer, VersionFetcher fetcher) {
        Schema.Parser parser = new Schema.Parser();
        defineReferences(answer, fetcher, parser, new HashSet<>());
        return parseOne(parser, answer.path("schema").asText());
    }

    private static void defineReferences(JsonNode answer, VersionFetcher fetcher, Schema.Parser parser,
            Set<String> defined) {
        for (JsonNode reference : answer.path("references")) {
            String subject = reference.path("subject").asText();
            String version = reference.path("version").asText();
            if (defined.add(subject + "\n" + version)) {
                JsonNode referenced = fetcher.fetch(subject, version);
                defineReferences(referenced, fetcher, parser, defined);
                parseOne(parser, referenced.path("schema").asText());
            }
        }
    }

    private static Schema parseOne(Schema.Parser parser, String schema) {
        try {
            return parser.parse(schema);
        } catch (AvroRuntimeException e) {
            throw new SerdeException("Registry returned a schema that is not valid Avro: " + e.getMessage(), e, true);
        }
    }
}
