package io.lepton.serdes.registry;

import io.lepton.serdes.IncompatibleSchemaException;
import io.lepton.serdes.RegistryException;
import io.lepton.serdes.SchemaNotRegisteredException;
import io.lepton.serdes.UnknownSchemaIdException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry held in memory, for {@code TopologyTestDriver} tests and {@code dry-run}, where no HTTP registry
 * exists. Behaves like a Confluent registry with compatibility {@code BACKWARD} (its default) when
 * {@code enforceBackwardCompatibility} is set, or {@code NONE} otherwise: ids are global and start at 1, and
 * registering an already registered schema returns its id. Thread-safe.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final boolean enforceBackwardCompatibility;
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new LinkedHashMap<>();

    /** A registry enforcing {@code BACKWARD} compatibility, like Confluent Schema Registry by default. */
    public InMemorySchemaRegistryClient() {
        this(true);
    }

    public InMemorySchemaRegistryClient(boolean enforceBackwardCompatibility) {
        this.enforceBackwardCompatibility = enforceBackwardCompatibility;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        Integer existing = idsBySchema.get(schema);
        if (existing != null && versions.contains(existing)) {
            return existing;
        }
        if (enforceBackwardCompatibility && !isCompatible(subject, schema)) {
            throw new IncompatibleSchemaException(subject, "new schema cannot read data written with version "
                    + versions.size());
        }
        int id = existing != null ? existing : schemasById.size() + 1;
        schemasById.put(id, schema);
        idsBySchema.put(schema, id);
        versions.add(id);
        return id;
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        Integer id = idsBySchema.get(schema);
        if (id == null || !versionsBySubject.getOrDefault(subject, List.of()).contains(id)) {
            throw new SchemaNotRegisteredException(subject, RegistryException.SCHEMA_NOT_FOUND,
                    "Schema not found");
        }
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new UnknownSchemaIdException(id, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        return version(subject, versions(subject).size());
    }

    @Override
    public synchronized RegisteredSchema version(String subject, int version) {
        List<Integer> versions = versions(subject);
        if (version < 1 || version > versions.size()) {
            throw new RegistryException(404, RegistryException.VERSION_NOT_FOUND,
                    "Version " + version + " not found under subject " + subject);
        }
        int id = versions.get(version - 1);
        return new RegisteredSchema(subject, id, version, schemasById.get(id));
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
        if (versions.isEmpty()) {
            return true;
        }
        Schema latest = schemasById.get(versions.get(versions.size() - 1));
        return SchemaCompatibility.checkReaderWriterCompatibility(schema, latest).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }

    @Override
    public synchronized List<String> subjects() {
        return versionsBySubject.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .toList();
    }

    private List<Integer> versions(String subject) {
        List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
        if (versions.isEmpty()) {
            throw new RegistryException(404, RegistryException.SUBJECT_NOT_FOUND, "Subject " + subject
                    + " not found");
        }
        return versions;
    }
}
