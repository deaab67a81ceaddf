package io.lepton.serdes.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import io.lepton.serdes.SerdeException;
import java.time.Duration;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Schemas with Confluent schema references, as a producer using Confluent's serializers or its JavaScript client
 * registers them: the oracle is Avro's own parser on the same types written inline in one schema.
 */
class ReferencedSchemasTest {

    private static final String STATUS = "{\"type\": \"enum\", \"name\": \"Status\", \"namespace\": \"com.example\","
            + " \"symbols\": [\"OPEN\", \"CLOSED\"]}";
    private static final String ADDRESS = "{\"type\": \"record\", \"name\": \"Address\", \"namespace\": \"com.example\","
            + " \"fields\": [{\"name\": \"city\", \"type\": \"string\"}, {\"name\": \"status\", \"type\": \"com.example.Status\"}]}";
    private static final String ORDER_FIELDS_AFTER_ID = "{\"name\": \"ship\", \"type\": %s}, "
            + "{\"name\": \"bill\", \"type\": \"com.example.Address\"}, {\"name\": \"state\", \"type\": %s}";
    private static final String ORDER = "{\"type\": \"record\", \"name\": \"Order\", \"namespace\": \"com.example\","
            + " \"fields\": [{\"name\": \"eventId\", \"type\": \"string\"}, " + ORDER_FIELDS_AFTER_ID + "]}";

    private final StubRegistryServer stub = new StubRegistryServer();

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private RestSchemaRegistryClient client() {
        return new RestSchemaRegistryClient(RegistryClientConfig.builder(stub.url()).retryBackoff(Duration.ofMillis(5))
                .maxRetryBackoff(Duration.ofMillis(20)).build());
    }

    @Test
    void schemaByIdDefinesTheReferencedTypesDepthFirstAndFetchesEachReferenceOnce() {
        // Order references Address and Status; Address references Status again.
        stub.respond(200, "{\"schema\": " + quoted(String.format(ORDER, "\"com.example.Address\"",
                "\"com.example.Status\"")) + ", \"references\": ["
                + "{\"name\": \"com.example.Address\", \"subject\": \"address\", \"version\": 1},"
                + "{\"name\": \"com.example.Status\", \"subject\": \"status\", \"version\": 3}]}")
                .respond(200, "{\"subject\": \"address\", \"id\": 2, \"version\": 1, \"schema\": " + quoted(ADDRESS)
                        + ", \"references\": [{\"name\": \"com.example.Status\", \"subject\": \"status\", "
                        + "\"version\": 3}]}")
                .respond(200, "{\"subject\": \"status\", \"id\": 1, \"version\": 3, \"schema\": " + quoted(STATUS)
                        + "}");

        Schema schema = client().schemaById(7);

        String addressInline = ADDRESS.replace("\"com.example.Status\"", STATUS);
        Schema inline = new Schema.Parser().parse(String.format(ORDER, addressInline, "\"com.example.Status\""));
        assertThat(schema).isEqualTo(inline);
        assertThat(stub.requests()).extracting(StubRegistryServer.Request::path)
                .containsExactly("/schemas/ids/7", "/subjects/address/versions/1", "/subjects/status/versions/3");
    }

    @Test
    void latestVersionWithReferencesParsesToo() {
        stub.respond(200, "{\"subject\": \"orders-value\", \"id\": 9, \"version\": 4, \"schema\": "
                + quoted("{\"type\": \"record\", \"name\": \"Order\", \"namespace\": \"com.example\", \"fields\": "
                        + "[{\"name\": \"state\", \"type\": \"com.example.Status\"}]}")
                + ", \"references\": [{\"name\": \"com.example.Status\", \"subject\": \"com.example.Status\", "
                + "\"version\": 1}]}")
                .respond(200, "{\"schema\": " + quoted(STATUS) + "}");

        RegisteredSchema latest = client().latest("orders-value");

        assertThat(latest.schema().getField("state").schema())
                .isEqualTo(new Schema.Parser().parse(STATUS));
        assertThat(stub.requests().get(1).path()).isEqualTo("/subjects/com.example.Status/versions/1");
    }

    @Test
    void aSchemaNamingATypeNoReferenceDefinesIsPermanentlyUnreadable() {
        // What a referencing schema looked like to a client that ignores references: the record cannot be read now
        // or later, so it must be quarantined, not retried (a retry loops) and not skipped.
        stub.respond(200, "{\"schema\": " + quoted(String.format(ORDER, "\"com.example.Address\"",
                "\"com.example.Status\"")) + "}");

        assertThatThrownBy(() -> client().schemaById(7)).isInstanceOfSatisfying(SerdeException.class,
                e -> assertThat(e.isPermanent()).isTrue()).hasMessageContaining("not valid Avro");
    }

    private static String quoted(String text) {
        return TextNode.valueOf(text).toString();
    }
}
