package io.lepton.serdes;

/**
 * A look-up found no such schema under the subject (HTTP 404, error code 40401 subject or 40403 schema not found).
 *
 * <p>Why permanent: the gateway looks schemas up (instead of registering them) only for subjects it registered
 * or verified at start-up, so a 404 later means someone deleted the subject or the schema; retrying cannot bring
 * it back, and the record must go to quarantine rather than stall its partition.
 */
public final class SchemaNotRegisteredException extends RegistryException {

    private static final long serialVersionUID = 1L;

    private final String subject;

    public SchemaNotRegisteredException(String subject, int errorCode, String registryMessage) {
        super(404, errorCode, "schema not registered under subject '" + subject + "': " + registryMessage, true);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
