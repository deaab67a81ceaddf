package io.lepton.serdes.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lepton.serdes.IncompatibleSchemaException;
import io.lepton.serdes.LruCache;
import io.lepton.serdes.RegistryException;
import io.lepton.serdes.RegistryUnavailableException;
import io.lepton.serdes.SchemaNotRegisteredException;
import io.lepton.serdes.UnknownSchemaIdException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaRegistryClient} over the Confluent REST API with the JDK's {@link HttpClient}, so it works against
 * Confluent Schema Registry, Apicurio ({@code /apis/ccompat/v7}), Karapace and Redpanda alike.
 *
 * <p>Why hand-written: Confluent's Java client is not available here, and the gateway needs only a few calls but
 * needs them robust: per-attempt connect and request timeouts, bounded retries with exponential backoff and
 * jitter (half to full backoff) on connection failures, timeouts, 5xx, 429 and 408 (rotating through the
 * configured URLs; see {@link RegistryAnswer}), registration races resolved to the winner's id, and bounded LRU caches of the immutable answers (id to schema, subject and schema to id) so steady-state traffic makes no calls.
 * Thread-safe.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger LOGGER = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryClientConfig config;
    private final HttpClient http;
    private final LruCache<Integer, Schema> schemasById;
    private final LruCache<SubjectSchema, Integer> idsBySubjectSchema;

    public RestSchemaRegistryClient(RegistryClientConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        config.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
        this.schemasById = new LruCache<>(config.cacheCapacity());
        this.idsBySubjectSchema = new LruCache<>(config.cacheCapacity());
    }

    /**
     * Registers the schema, resolving a lost registration race to the winner's id.
     *
     * <p>Why the look-up on 409: when two stream threads (or instances) register a new subject at the same moment,
     * Apicurio answers the loser {@code 409 ... already exists}; Confluent answers 409 for an incompatible schema.
     * So a 409 is resolved by looking the schema up under the subject: found means the race was lost and its id
     * is the answer; not found and incompatible means a real rejection (permanent); not found but compatible means
     * another schema won the race, so the registration is retried with backoff and gives up as unavailable
     * (transient) after the configured retries. A 422 (invalid schema) is permanent.
     */
    @Override
    public int register(String subject, Schema schema) {
        return idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
            int id = registerResolvingConflicts(subject, schema);
            schemasById.put(id, schema);
            return id;
        });
    }

    private int registerResolvingConflicts(String subject, Schema schema) {
        int attempts = config.maxRetries() + 1;
        RegistryException conflict = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (attempt > 0) {
                backoff(attempt);
            }
            try {
                return send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema))
                        .path("id").asInt();
            } catch (RegistryException e) {
                if (e.status() == 422) {
                    throw new IncompatibleSchemaException(subject, e.getMessage());
                }
                if (RegistryAnswer.of(e.status()) != RegistryAnswer.CONFLICT) {
                    throw e;
                }
                conflict = e;
            }
            OptionalInt existing = find(subject, schema);
            if (existing.isPresent()) {
                LOGGER.debug("Registration of subject {} lost a race; using the existing id {}", subject,
                        existing.getAsInt());
                return existing.getAsInt();
            }
            if (!isCompatible(subject, schema)) {
                throw new IncompatibleSchemaException(subject, conflict.getMessage());
            }
        }
        throw new RegistryUnavailableException("Schema registry kept answering 409 for subject '" + subject
                + "' while the schema was neither registered nor incompatible, after " + attempts
                + " attempt(s): " + conflict.getMessage(), conflict);
    }

    /**
     * Looks the schema up without registering it.
     *
     * @throws SchemaNotRegisteredException (permanent) if the subject or the schema under it does not exist
     */
    @Override
    public int lookup(String subject, Schema schema) {
        return idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
            try {
                int id = send("POST", "/subjects/" + encode(subject), schemaBody(schema)).path("id").asInt();
                schemasById.put(id, schema);
                return id;
            } catch (RegistryException e) {
                if (e.status() == 404) {
                    throw new SchemaNotRegisteredException(subject, e.errorCode(), e.getMessage());
                }
                throw e;
            }
        });
    }

    private OptionalInt find(String subject, Schema schema) {
        try {
            return OptionalInt.of(send("POST", "/subjects/" + encode(subject), schemaBody(schema)).path("id")
                    .asInt());
        } catch (RegistryException e) {
            if (e.status() == 404) {
                return OptionalInt.empty();
            }
            throw e;
        }
    }

    @Override
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, key -> {
            try {
                return parse(send("GET", "/schemas/ids/" + id, null));
            } catch (RegistryException e) {
                if (e.status() == 404) {
                    throw new UnknownSchemaIdException(id, e.getMessage());
                }
                throw e;
            }
        });
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return registered(subject, "latest");
    }

    @Override
    public RegisteredSchema version(String subject, int version) {
        return registered(subject, Integer.toString(version));
    }

    private RegisteredSchema registered(String subject, String version) {
        JsonNode body = send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null);
        int id = body.path("id").asInt();
        Schema schema = schemasById.computeIfAbsent(id, key -> parse(body));
        return new RegisteredSchema(subject, id, body.path("version").asInt(), schema);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            return send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest",
                    schemaBody(schema)).path("is_compatible").asBoolean(false);
        } catch (RegistryException e) {
            if (e.status() == 404) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        send("GET", "/subjects", null).forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    /** Entries in the id-to-schema cache (for tests and metrics). */
    public int cachedSchemaCount() {
        return schemasById.size();
    }

    private JsonNode send(String method, String path, String body) {
        List<java.net.URI> urls = config.urls();
        int attempts = config.maxRetries() + 1;
        Exception lastFailure = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (attempt > 0) {
                backoff(attempt);
            }
            URI uri = URI.create(urls.get(attempt % urls.size()) + path);
            try {
                HttpResponse<String> response = http.send(request(method, uri, body),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return JSON.readTree(response.body());
                }
                RegistryException error = error(status, response.body());
                if (RegistryAnswer.of(status) != RegistryAnswer.TRANSIENT) {
                    throw error;
                }
                lastFailure = error;
            } catch (IOException e) {
                lastFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryUnavailableException("Interrupted while calling the schema registry", e);
            }
            LOGGER.debug("Schema registry {} {} failed (attempt {} of {}): {}", method, path, attempt + 1,
                    attempts, lastFailure.toString());
        }
        throw new RegistryUnavailableException("Schema registry " + urls + " unavailable for " + method + " "
                + path + " after " + attempts + " attempt(s): " + lastFailure.getMessage(), lastFailure);
    }

    private HttpRequest request(String method, URI uri, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            builder.header("Content-Type", CONTENT_TYPE);
        }
        config.authorization().ifPresent(value -> builder.header("Authorization", value));
        return builder.build();
    }

    private void backoff(int retry) {
        long cap = Math.min(config.maxRetryBackoff().toMillis(),
                config.retryBackoff().toMillis() << Math.min(retry - 1, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("Interrupted while backing off from the schema registry", e);
        }
    }

    private static RegistryException error(int status, String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return new RegistryException(status, json.path("error_code").asInt(-1),
                    json.path("message").asText(body));
        } catch (IOException notJson) {
            return new RegistryException(status, -1, body == null ? "" : body);
        }
    }

    private static String schemaBody(Schema schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    /** The schema of a registry answer, with the types it references from other subjects. */
    private Schema parse(JsonNode answer) {
        return ReferencedSchemas.parse(answer,
                (subject, version) -> send("GET", "/subjects/" + encode(subject) + "/versions/" + encode(version), null));
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record SubjectSchema(String subject, Schema schema) {
    }
}
