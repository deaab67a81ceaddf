package io.lepton.serdes;

/**
 * The registry refused to register a schema: HTTP 409 once a concurrent registration of the same subject has been
 * ruled out (the schema is not under the subject and the compatibility check says no), or HTTP 422 (invalid
 * schema). Permanent: the same schema will be refused again. Carries the registry's own explanation.
 */
public final class IncompatibleSchemaException extends SerdeException {

    private static final long serialVersionUID = 1L;

    private final String subject;

    public IncompatibleSchemaException(String subject, String registryMessage) {
        super("Schema incompatible with subject '" + subject + "': " + registryMessage, true);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
