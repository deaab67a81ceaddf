package io.lepton.serdes;

/**
 * The registry refused to register a schema (HTTP 409) because it breaks the subject's compatibility rule. Carries
 * the registry's own explanation.
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
