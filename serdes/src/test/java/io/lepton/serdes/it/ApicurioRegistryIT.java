package io.lepton.serdes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lepton.embedded.ApicurioRegistry;
import io.lepton.embedded.junit.EmbeddedEnvironmentExtension;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.serdes.IncompatibleSchemaException;
import io.lepton.serdes.RegistryException;
import io.lepton.serdes.UnknownSchemaIdException;
import io.lepton.serdes.registry.RegisteredSchema;
import io.lepton.serdes.registry.RegistryClientConfig;
import io.lepton.serdes.registry.RestSchemaRegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link RestSchemaRegistryClient} against a real Apicurio Registry's Confluent-compatible API. */
@ExtendWith(EmbeddedEnvironmentExtension.class)
class ApicurioRegistryIT {

    private static final Schema V1 = SchemaBuilder.record("Thing").namespace("io.lepton.it").fields()
            .requiredString("id").endRecord();
    private static final Schema V2 = SchemaBuilder.record("Thing").namespace("io.lepton.it").fields()
            .requiredString("id").name("count").type().intType().intDefault(0).endRecord();
    private static final Schema BREAKING = SchemaBuilder.record("Thing").namespace("io.lepton.it").fields()
            .requiredString("id").requiredLong("mandatory").endRecord();

    private final RestSchemaRegistryClient client;
    private final ApicurioRegistry registry;

    ApicurioRegistryIT(ApicurioRegistry registry) {
        this.registry = registry;
        this.client = new RestSchemaRegistryClient(RegistryClientConfig.builder(registry.confluentApiUrl()).build());
    }

    @Test
    void registersAndReadsBackByIdLatestAndVersion() {
        String subject = "it.register-value";
        int v1 = client.register(subject, V1);
        int v2 = client.register(subject, V2);

        assertThat(v2).isNotEqualTo(v1);
        assertThat(new RestSchemaRegistryClient(RegistryClientConfig.builder(registry.confluentApiUrl()).build())
                .register(subject, V1)).as("re-registering returns the existing id").isEqualTo(v1);
        assertThat(fresh().schemaById(v1)).isEqualTo(V1);
        assertThat(fresh().latest(subject)).isEqualTo(new RegisteredSchema(subject, v2, 2, V2));
        assertThat(fresh().version(subject, 1)).isEqualTo(new RegisteredSchema(subject, v1, 1, V1));
        assertThat(fresh().lookup(subject, V2)).isEqualTo(v2);
        assertThat(client.subjects()).contains(subject);
    }

    @Test
    void keepsPrivacyTagsOfTheRawSchemas() {
        String subject = "it.customer-service-value";
        int id = client.register(subject, CustomerServiceEvent.getClassSchema());
        Schema stored = fresh().schemaById(id);
        assertThat(stored).isEqualTo(CustomerServiceEvent.getClassSchema());
        assertThat(stored.getField("customerEmail").getObjectProp("pii")).isEqualTo("EMAIL");
    }

    @Test
    void backwardCompatibilityIsEnforcedOnceConfigured() throws Exception {
        String subject = "it.compat-value";
        assertThat(client.isCompatible(subject, V1)).as("subject does not exist yet").isTrue();
        client.register(subject, V1);
        setCompatibility(subject, "BACKWARD");

        assertThat(client.isCompatible(subject, V2)).isTrue();
        assertThat(client.isCompatible(subject, BREAKING)).isFalse();
        assertThatThrownBy(() -> client.register(subject, BREAKING))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class,
                        e -> assertThat(e.subject()).isEqualTo(subject));
    }

    @Test
    void unknownIdAndUnknownSubjectAreReportedPrecisely() {
        assertThatThrownBy(() -> client.schemaById(987_654))
                .isInstanceOfSatisfying(UnknownSchemaIdException.class,
                        e -> assertThat(e.schemaId()).isEqualTo(987_654));
        assertThatThrownBy(() -> client.latest("it.no-such-subject"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    private RestSchemaRegistryClient fresh() {
        return new RestSchemaRegistryClient(RegistryClientConfig.builder(registry.confluentApiUrl()).build());
    }

    /** Apicurio's ccompat API defaults to compatibility NONE; Confluent's to BACKWARD. */
    private void setCompatibility(String subject, String level) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(registry.confluentApiUrl() + "/config/" + subject))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\": \"" + level + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
