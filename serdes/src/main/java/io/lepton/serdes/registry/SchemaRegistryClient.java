package io.lepton.serdes.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The slice of the Confluent Schema Registry API the gateway needs. Implementations cache what is immutable
 * (ids and schemas), so the per-record path never waits on the network.
 *
 * <p>Every method throws a {@link io.lepton.serdes.SerdeException}: {@link io.lepton.serdes.RegistryUnavailableException}
 * when the registry cannot be reached after retries, {@link io.lepton.serdes.RegistryException} for other error
 * answers, and the more specific exceptions documented per method.
 */
public interface SchemaRegistryClient {

    /**
     * Registers the schema under the subject (or finds it if already registered) and returns its global id.
     *
     * A concurrent registration of the same subject elsewhere is not an error: the id it created is returned.
     *
     * @throws io.lepton.serdes.IncompatibleSchemaException (permanent) if the subject's compatibility rule or the
     *     registry's validation rejects it
     */
    int register(String subject, Schema schema);

    /**
     * Returns the id of a schema already registered under the subject, without registering it.
     *
     * @throws io.lepton.serdes.SchemaNotRegisteredException (404, permanent) if the subject or the schema under it
     *     does not exist
     */
    int lookup(String subject, Schema schema);

    /**
     * The schema with this global id.
     *
     * @throws io.lepton.serdes.UnknownSchemaIdException if the registry does not know the id
     */
    Schema schemaById(int id);

    /** The latest version registered under the subject. */
    RegisteredSchema latest(String subject);

    /** One version registered under the subject. */
    RegisteredSchema version(String subject, int version);

    /** Whether the schema may be registered next under the subject; true when the subject does not exist yet. */
    boolean isCompatible(String subject, Schema schema);

    /** All subject names. */
    List<String> subjects();
}
