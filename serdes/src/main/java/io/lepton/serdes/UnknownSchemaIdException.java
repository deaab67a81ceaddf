package io.lepton.serdes;

/** The registry does not know the schema id a payload names (HTTP 404 on {@code GET /schemas/ids/{id}}). */
public final class UnknownSchemaIdException extends SerdeException {

    private static final long serialVersionUID = 1L;

    private final int schemaId;

    public UnknownSchemaIdException(int schemaId, String registryMessage) {
        super("Schema id " + schemaId + " is not known to the registry: " + registryMessage, true);
        this.schemaId = schemaId;
    }

    public int schemaId() {
        return schemaId;
    }
}
