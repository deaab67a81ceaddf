package io.lepton.serdes.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.serdes.IncompatibleSchemaException;
import io.lepton.serdes.RegistryException;
import io.lepton.serdes.RegistryUnavailableException;
import io.lepton.serdes.SchemaNotRegisteredException;
import io.lepton.serdes.UnknownSchemaIdException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

    private static final Schema SCHEMA = CustomerServiceEvent.getClassSchema();
    private static final String SCHEMA_JSON = "{\"schema\": " + quoted(SCHEMA.toString()) + "}";

    private final StubRegistryServer stub = new StubRegistryServer();

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private RestSchemaRegistryClient client(RegistryClientConfig.Builder builder) {
        return new RestSchemaRegistryClient(builder.retryBackoff(Duration.ofMillis(5))
                .maxRetryBackoff(Duration.ofMillis(20)).build());
    }

    private RestSchemaRegistryClient client() {
        return client(RegistryClientConfig.builder(stub.url()));
    }

    @Test
    void registerPostsTheSchemaWithTheConfluentContentTypeToTheEncodedSubject() throws Exception {
        stub.respond(200, "{\"id\": 7}");
        assertThat(client().register("raw.customer service-value", SCHEMA)).isEqualTo(7);

        StubRegistryServer.Request request = stub.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/subjects/raw.customer%20service-value/versions");
        assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
        String sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(request.body()).get("schema").asText();
        assertThat(new Schema.Parser().parse(sent)).isEqualTo(SCHEMA);
    }

    @Test
    void registeredSchemasAndIdsAreServedFromTheCache() {
        stub.respond(200, "{\"id\": 7}");
        RestSchemaRegistryClient client = client();
        client.register("s-value", SCHEMA);
        client.register("s-value", SCHEMA);
        assertThat(client.schemaById(7)).isEqualTo(SCHEMA);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void schemaByIdIsCachedAndTheCacheStaysWithinItsCapacity() {
        stub.respond(200, SCHEMA_JSON);
        RestSchemaRegistryClient client = client(RegistryClientConfig.builder(stub.url()).cacheCapacity(2));
        for (int id = 1; id <= 5; id++) {
            assertThat(client.schemaById(id)).isEqualTo(SCHEMA);
        }
        client.schemaById(5);
        assertThat(stub.requests()).hasSize(5);
        assertThat(client.cachedSchemaCount()).isEqualTo(2);
        client.schemaById(1);
        assertThat(stub.requests()).as("evicted id fetched again").hasSize(6);
    }

    @Test
    void basicAuthHeaderIsSent() {
        stub.respond(200, "[]");
        client(RegistryClientConfig.builder(stub.url()).basicAuth("alice:s3cret")).subjects();
        assertThat(stub.requests().get(0).header("Authorization")).isEqualTo("Basic YWxpY2U6czNjcmV0");
    }

    @Test
    void bearerTokenHeaderIsSent() {
        stub.respond(200, "[]");
        client(RegistryClientConfig.builder(stub.url()).bearerToken("tok-123")).subjects();
        assertThat(stub.requests().get(0).header("Authorization")).isEqualTo("Bearer tok-123");
    }

    @Test
    void noAuthorizationHeaderWithoutCredentials() {
        stub.respond(200, "[]");
        client().subjects();
        assertThat(stub.requests().get(0).header("Authorization")).isNull();
    }

    @Test
    void retriesTwo503sThenSucceeds() {
        stub.respond(503, "busy").respond(503, "busy").respond(200, "[\"a\", \"b\"]");
        assertThat(client().subjects()).containsExactly("a", "b");
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void retries429() {
        stub.respond(429, "{\"error_code\": 42901, \"message\": \"slow down\"}").respond(200, "[]");
        assertThat(client().subjects()).isEmpty();
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void gives5xxUpAfterMaxRetriesAsUnavailable() {
        stub.respond(500, "{\"error_code\": 50001, \"message\": \"store down\"}");
        assertThatThrownBy(() -> client(RegistryClientConfig.builder(stub.url()).maxRetries(2)).subjects())
                .isInstanceOfSatisfying(RegistryUnavailableException.class,
                        e -> assertThat(e.isPermanent()).isFalse())
                .hasMessageContaining("after 3 attempt(s)")
                .hasMessageContaining("store down");
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void clientErrorsAreNotRetriedAndCarryStatusAndErrorCode() {
        stub.respond(401, "{\"error_code\": 40101, \"message\": \"Unauthorized\"}");
        assertThatThrownBy(() -> client().subjects())
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.errorCode()).isEqualTo(40101);
                    assertThat(e.isPermanent()).isFalse();
                })
                .hasMessageContaining("Unauthorized");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void conflictThatIsALostRegistrationRaceResolvesToTheExistingId() {
        stub.respond(409, "{\"error_code\": 409, \"message\": \"An artifact with ID 's-value' already exists.\"}")
                .respond(200, "{\"subject\": \"s-value\", \"id\": 12, \"version\": 1}");
        RestSchemaRegistryClient client = client();
        assertThat(client.register("s-value", SCHEMA)).isEqualTo(12);

        assertThat(stub.requests()).extracting(StubRegistryServer.Request::path)
                .containsExactly("/subjects/s-value/versions", "/subjects/s-value");
        assertThat(client.schemaById(12)).as("cached from the look-up").isEqualTo(SCHEMA);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void conflictWithTheSchemaAbsentAndIncompatibleIsPermanentWithTheRegistryMessage() {
        stub.respond(409, "{\"error_code\": 409, \"message\": \"READER_FIELD_MISSING_DEFAULT_VALUE\"}")
                .respond(404, "{\"error_code\": 40403, \"message\": \"Schema not found\"}")
                .respond(200, "{\"is_compatible\": false}");
        assertThatThrownBy(() -> client().register("s-value", SCHEMA))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> {
                    assertThat(e.subject()).isEqualTo("s-value");
                    assertThat(e.isPermanent()).isTrue();
                })
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(stub.requests()).extracting(StubRegistryServer.Request::path).containsExactly(
                "/subjects/s-value/versions", "/subjects/s-value", "/compatibility/subjects/s-value/versions/latest");
    }

    @Test
    void conflictWithTheSchemaAbsentButCompatibleIsRetriedAsARaceWithAnotherSchema() {
        stub.respond(409, "{\"error_code\": 409, \"message\": \"already exists\"}")
                .respond(404, "{\"error_code\": 40403, \"message\": \"Schema not found\"}")
                .respond(200, "{\"is_compatible\": true}")
                .respond(200, "{\"id\": 13}");
        assertThat(client().register("s-value", SCHEMA)).isEqualTo(13);
        assertThat(stub.requests()).hasSize(4);
    }

    @Test
    void conflictThatNeverResolvesIsTransientAfterTheConfiguredRetries() {
        stub.respond(409, "{\"error_code\": 409, \"message\": \"already exists\"}")
                .respond(404, "{\"error_code\": 40403, \"message\": \"Schema not found\"}")
                .respond(200, "{\"is_compatible\": true}")
                .respond(409, "{\"error_code\": 409, \"message\": \"already exists\"}")
                .respond(404, "{\"error_code\": 40403, \"message\": \"Schema not found\"}")
                .respond(200, "{\"is_compatible\": true}");
        assertThatThrownBy(() -> client(RegistryClientConfig.builder(stub.url()).maxRetries(1))
                .register("s-value", SCHEMA))
                .isInstanceOfSatisfying(RegistryUnavailableException.class,
                        e -> assertThat(e.isPermanent()).isFalse())
                .hasMessageContaining("after 2 attempt(s)");
        assertThat(stub.requests()).hasSize(6);
    }

    @Test
    void unprocessableSchemaIsPermanentAndNotRetried() {
        stub.respond(422, "{\"error_code\": 42201, \"message\": \"Invalid schema\"}");
        assertThatThrownBy(() -> client().register("s-value", SCHEMA))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class,
                        e -> assertThat(e.isPermanent()).isTrue())
                .hasMessageContaining("42201");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void lookupOfAMissingSubjectIsPermanentAndNotRetried() {
        stub.respond(404, "{\"error_code\": 40401, \"message\": \"Subject 's-value' not found.\"}");
        assertThatThrownBy(() -> client().lookup("s-value", SCHEMA))
                .isInstanceOfSatisfying(SchemaNotRegisteredException.class, e -> {
                    assertThat(e.subject()).isEqualTo("s-value");
                    assertThat(e.errorCode()).isEqualTo(40401);
                    assertThat(e.isPermanent()).isTrue();
                });
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void requestTimeoutAnswerIsRetried() {
        stub.respond(408, "").respond(200, "[\"a\"]");
        assertThat(client().subjects()).containsExactly("a");
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void registrationRetriesServerErrorsBeforeSucceeding() {
        stub.respond(503, "busy").respond(200, "{\"id\": 5}");
        assertThat(client().register("s-value", SCHEMA)).isEqualTo(5);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void unknownIdIsUnknownSchemaIdCarryingTheId() {
        stub.respond(404, "{\"error_code\": 40403, \"message\": \"Schema 99 not found\"}");
        assertThatThrownBy(() -> client().schemaById(99))
                .isInstanceOfSatisfying(UnknownSchemaIdException.class, e -> {
                    assertThat(e.schemaId()).isEqualTo(99);
                    assertThat(e.isPermanent()).isTrue();
                });
    }

    @Test
    void compatibilityAgainstAMissingSubjectIsTrue() {
        stub.respond(404, "{\"error_code\": 40401, \"message\": \"Subject not found\"}");
        assertThat(client().isCompatible("new-value", SCHEMA)).isTrue();
        assertThat(stub.requests().get(0).path()).isEqualTo("/compatibility/subjects/new-value/versions/latest");
    }

    @Test
    void latestParsesSubjectIdVersionAndSchema() {
        stub.respond(200, "{\"subject\": \"s-value\", \"id\": 3, \"version\": 2, \"schema\": "
                + quoted(SCHEMA.toString()) + "}");
        assertThat(client().latest("s-value")).isEqualTo(new RegisteredSchema("s-value", 3, 2, SCHEMA));
        assertThat(stub.requests().get(0).path()).isEqualTo("/subjects/s-value/versions/latest");
    }

    @Test
    void retriesRotateThroughTheConfiguredUrls() {
        stub.respond(200, "[]");
        int closed = closedPort();
        RestSchemaRegistryClient client = client(
                RegistryClientConfig.builder("http://127.0.0.1:" + closed + "," + stub.url()).maxRetries(1));
        assertThat(client.subjects()).isEmpty();
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void closedPortIsUnavailableWithinTheConfiguredRetries() {
        int closed = closedPort();
        RestSchemaRegistryClient client = client(RegistryClientConfig.builder("http://127.0.0.1:" + closed)
                .maxRetries(2).connectTimeout(Duration.ofMillis(500)).requestTimeout(Duration.ofMillis(500)));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("after 3 attempt(s)");
        // Three refused connects plus two backoffs of at most 20 ms: far below one request timeout each.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void slowRegistryTimesOutPerAttempt() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RestSchemaRegistryClient client = client(RegistryClientConfig.builder("http://127.0.0.1:"
                    + silent.getLocalPort()).maxRetries(1).requestTimeout(Duration.ofMillis(200)));
            long start = System.nanoTime();
            assertThatThrownBy(client::subjects).isInstanceOf(RegistryUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(400), Duration.ofMillis(2000));
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String quoted(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }
}
